package io.harbormaster.command.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.InMemorySecretStore;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.driver.SshTarget;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sessions against a real OpenSSH server on loopback, with a key from {@link MachineSshKeys}. */
class SshSessionsTest {

    private static final SshSettings QUICK = new SshSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(20), 64 * 1024, 1 << 20);

    @TempDir
    static Path folder;

    private static LocalSshd sshd;
    private static InMemorySecretStore store;
    private static MachineSshKeys keys;
    private static MachineSshKey reference;
    private static SshKey key;
    private static HostKey pinned;
    private final SshSessions sessions = new SshSessions(QUICK);

    @BeforeAll
    static void startServerWithTheMachinesKeyAuthorized() {
        LocalSshd.assumeAvailable();
        store = new InMemorySecretStore();
        keys = new MachineSshKeys(store);
        reference = keys.generate(MachineId.random());
        key = keys.load(reference);
        sshd = LocalSshd.start(folder);
        sshd.authorize(reference.publicKey());
        try (var host = new SshSessions(QUICK).open(sshd.target(), key, null)) {
            pinned = host.hostKey();
        }
    }

    @AfterAll
    static void stopServer() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void aGeneratedKeyLogsInAndRunsCommands() {
        try (var host = sessions.open(sshd.target(), key, pinned)) {
            var hi = host.run("echo hi");
            var uid = host.run("id -u");

            assertThat(hi).isEqualTo(new CommandResult(0, "hi\n", "", false));
            assertThat(uid.stdout().strip()).isEqualTo(Programs.run("id", "-u").strip());
        }
    }

    @Test
    void firstContactReturnsTheHostKeyFingerprintThatSshKeygenPrints() {
        try (var host = sessions.open(sshd.target(), key, null)) {
            assertThat(host.hostKey().type()).isEqualTo("ssh-ed25519");
            assertThat(host.hostKey().fingerprint()).isEqualTo(sshd.hostKeyFingerprint());
            assertThat(HostKey.parse(host.hostKey().toString())).isEqualTo(host.hostKey());
        }
    }

    @Test
    void anExitStatusAndStandardErrorComeBackAsTheyAre() {
        try (var host = sessions.open(sshd.target(), key, pinned)) {
            var result = host.run("echo out; echo oops >&2; exit 3");

            assertThat(result.exitStatus()).isEqualTo(3);
            assertThat(result.succeeded()).isFalse();
            assertThat(result.stdout()).isEqualTo("out\n");
            assertThat(result.stderr()).isEqualTo("oops\n");
        }
    }

    @Test
    void aCommandThatReadsStandardInputSeesItClosedInsteadOfWaiting() {
        try (var host = sessions.open(sshd.target(), key, pinned)) {
            long start = System.nanoTime();

            var result = host.run("cat; echo read-all", Duration.ofSeconds(5));

            assertThat(result.stdout()).isEqualTo("read-all\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void outputLongerThanTheLimitIsCutAndSaidSo() {
        var small = new SshSessions(new SshSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(20), 1000, 1000));
        try (var host = small.open(sshd.target(), key, pinned)) {
            var result = host.run("head -c 3000000 /dev/zero | tr '\\0' a; echo done >&2");

            assertThat(result.exitStatus()).isZero();
            assertThat(result.stdout()).hasSize(1000).matches("a+");
            assertThat(result.stderr()).isEqualTo("done\n");
            assertThat(result.outputTruncated()).isTrue();
            assertThat(result.toString()).isEqualTo("CommandResult[exit 0, stdout 1000 chars, stderr 5 chars, "
                    + "truncated]");
        }
    }

    @Test
    void anUploadedFileGetsItsModeAndMissingFoldersAndReadsBack() {
        var remote = folder.resolve("uploads/" + System.nanoTime() + "/certs/server-key.pem").toString();
        var content = "not really a key\n".getBytes(StandardCharsets.UTF_8);
        try (var host = sessions.open(sshd.target(), key, pinned)) {
            host.upload(remote, content, 0600);

            assertThat(host.read(remote)).isEqualTo(content);
            assertThat(host.run("stat -c %a " + remote).stdout().strip()).isEqualTo("600");
        }
    }

    @Test
    void uploadingOverAnExistingFileReplacesItsContentAndMode() {
        var remote = folder.resolve("replace-" + System.nanoTime() + ".json").toString();
        try (var host = sessions.open(sshd.target(), key, pinned)) {
            host.run("printf '%s' 'a much longer old content' > " + remote + " && chmod 0644 " + remote);

            host.upload(remote, "{}".getBytes(StandardCharsets.UTF_8), 0600);

            assertThat(new String(host.read(remote), StandardCharsets.UTF_8)).isEqualTo("{}");
            assertThat(host.run("stat -c %a " + remote).stdout().strip()).isEqualTo("600");
        }
    }

    @Test
    void aFileLargerThanOneSftpPacketGoesUpAndComesBackWhole() {
        var remote = folder.resolve("large-" + System.nanoTime() + ".tar").toString();
        var content = new byte[700 * 1024];
        new Random(5).nextBytes(content);
        try (var host = sessions.open(sshd.target(), key, pinned)) {
            host.upload(remote, content, 0644);

            assertThat(host.read(remote)).isEqualTo(content);
            assertThat(host.run("stat -c '%a %s' " + remote).stdout().strip()).isEqualTo("644 " + content.length);
        }
    }

    @Test
    void aFileLongerThanTheReadLimitIsRefusedNamingItsSize() {
        var remote = folder.resolve("too-long-" + System.nanoTime()).toString();
        try (var host = sessions.open(sshd.target(), key, pinned)) {
            host.run("head -c " + (QUICK.maxReadBytes() + 1) + " /dev/zero > " + remote);

            var thrown = catchThrowableOfType(RemoteFileException.class, () -> host.read(remote));

            assertThat(thrown).hasMessageContaining((QUICK.maxReadBytes() + 1) + " bytes long")
                    .hasMessageContaining(remote);
        }
    }

    @Test
    void readingAMissingFileNamesIt() {
        var remote = folder.resolve("missing-" + System.nanoTime()).toString();
        try (var host = sessions.open(sshd.target(), key, pinned)) {
            var thrown = catchThrowableOfType(RemoteFileException.class, () -> host.read(remote));

            assertThat(thrown).hasMessageContaining(remote).hasMessageContaining("No such file");
            assertThat(thrown.remotePath()).isEqualTo(remote);
        }
    }

    @Test
    void aServerWithAnotherHostKeyAtThePinnedAddressIsRefusedNamingBothFingerprints() {
        int port = LocalSshd.freePort();
        HostKey first;
        try (var original = LocalSshd.start(folder, port)) {
            original.authorize(reference.publicKey());
            try (var host = sessions.open(original.target(), key, null)) {
                first = host.hostKey();
            }
        }
        try (var rebuilt = LocalSshd.start(folder, port)) {
            rebuilt.authorize(reference.publicKey());

            var thrown = catchThrowableOfType(HostKeyChangedException.class,
                    () -> sessions.open(rebuilt.target(), key, first));

            assertThat(thrown.pinned()).isEqualTo(first);
            assertThat(thrown.presented().fingerprint()).isEqualTo(rebuilt.hostKeyFingerprint())
                    .isNotEqualTo(first.fingerprint());
            assertThat(thrown).hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining(first.fingerprint())
                    .hasMessageContaining(rebuilt.hostKeyFingerprint())
                    .hasMessageContaining("If the host was rebuilt")
                    .hasMessageContaining("then pin it: PUT /api/machines/<id>/ssh-host-key");
            assertThat(rebuilt.log()).as("no key was offered to the impostor")
                    .doesNotContain("Accepted publickey").doesNotContain("Failed publickey");
            KeyLeaks.assertNoPrivateKey(thrown, key.privateKeyText(), key.publicKey());
        }
    }

    @ParameterizedTest(name = "pinned {1}")
    @CsvSource({"ecdsa, ecdsa-sha2-nistp256", "rsa, ssh-rsa", "ed25519, ssh-ed25519"})
    void aHostWithSeveralHostKeysIsAskedForThePinnedKind(String keygenType, String sshType) {
        try (var several = LocalSshd.start(folder, LocalSshd.freePort(), "ed25519", "ecdsa", "rsa")) {
            several.authorize(reference.publicKey());
            var pin = new HostKey(sshType, several.hostKeyFingerprint(keygenType));

            try (var host = sessions.open(several.target(), key, pin)) {
                assertThat(host.hostKey()).isEqualTo(pin);
                assertThat(host.run("echo pinned").stdout()).isEqualTo("pinned\n");
            }
        }
    }

    @Test
    void aKeyTheHostDoesNotKnowFailsAuthenticationNamingUserAndOfferedKey() {
        var stranger = keys.generate(MachineId.random());

        var thrown = catchThrowableOfType(SshAuthenticationException.class,
                () -> sessions.open(sshd.target(), keys.load(stranger), pinned));

        assertThat(thrown).hasMessageContaining("user '" + sshd.target().user() + "'")
                .hasMessageContaining(stranger.fingerprint())
                .hasMessageContaining("authorized_keys");
        assertThat(thrown.offeredFingerprint()).isEqualTo(stranger.fingerprint());
        KeyLeaks.assertNoPrivateKey(thrown, keys.load(stranger).privateKeyText(), stranger.publicKey());
    }

    @Test
    void aClosedPortIsUnreachableNamingHostAndPort() {
        var target = new SshTarget("127.0.0.1", LocalSshd.freePort(), "root");

        var thrown = catchThrowableOfType(HostUnreachableException.class, () -> sessions.open(target, key, null));

        assertThat(thrown).hasMessageContaining("127.0.0.1:" + target.port())
                .hasMessageContaining("refused");
        KeyLeaks.assertNoPrivateKey(thrown, key.privateKeyText(), key.publicKey());
    }

    @Test
    void aListenerThatNeverSpeaksSshIsUnreachableAfterTheHandshakeDeadline() throws Exception {
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var target = new SshTarget("127.0.0.1", silent.getLocalPort(), "root");
            long start = System.nanoTime();

            var thrown = catchThrowableOfType(HostUnreachableException.class, () -> sessions.open(target, key, null));

            var took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(thrown).hasMessageContaining("127.0.0.1:" + target.port())
                    .hasMessageContaining("no SSH handshake finished within 4 s");
            assertThat(took).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(8));
        }
    }

    @Test
    void aCommandRunningPastItsTimeoutEndsTheSessionPromptlyAndANewSessionWorks() {
        try (var host = sessions.open(sshd.target(), key, pinned)) {
            long start = System.nanoTime();

            var thrown = catchThrowableOfType(CommandTimedOutException.class,
                    () -> host.run("sleep 30", Duration.ofMillis(500)));

            var took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(thrown).hasMessageContaining("'sleep 30'").hasMessageContaining("within 500 ms")
                    .hasMessageContaining("raise the command timeout");
            assertThat(thrown.timeout()).isEqualTo(Duration.ofMillis(500));
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(catchThrowableOfType(SshException.class, () -> host.run("echo late")))
                    .hasMessageContaining("is closed").hasMessageContaining("open a new one");
        }
        try (var again = sessions.open(sshd.target(), key, pinned)) {
            assertThat(again.run("echo still reachable").stdout()).isEqualTo("still reachable\n");
        }
    }

    @Test
    void aBackgroundedDaemonWithRedirectedOutputDoesNotHoldTheSession() {
        try (var host = sessions.open(sshd.target(), key, pinned)) {
            long start = System.nanoTime();

            var result = host.run("nohup sleep 30 >/dev/null 2>&1 </dev/null & echo $!");

            var took = Duration.ofNanos(System.nanoTime() - start);
            var pid = result.stdout().strip();
            assertThat(took).isLessThan(Duration.ofMillis(900));
            assertThat(host.run("kill -0 " + pid).exitStatus()).as("the daemon is still running").isZero();
            host.run("kill " + pid);
        }
    }

    @Test
    void aBackgroundProcessThatKeepsTheOutputOpenHoldsTheSessionOnlyBriefly() {
        try (var host = sessions.open(sshd.target(), key, pinned)) {
            long start = System.nanoTime();

            var result = host.run("sleep 30 & echo $!", Duration.ofSeconds(10));

            var took = Duration.ofNanos(System.nanoTime() - start);
            var pid = result.stdout().strip();
            assertThat(result.exitStatus()).isZero();
            assertThat(took).isBetween(SshjRemoteHost.OUTPUT_AFTER_EXIT, Duration.ofSeconds(3));
            host.run("kill " + pid);
        }
    }

    @Test
    void aUsersOwnImportedKeyLogsIn() {
        var keyFile = Programs.keygen(folder, "user-rsa-" + System.nanoTime(), "-t", "rsa", "-b", "3072");
        var imported = keys.importKey(MachineId.random(), Programs.read(keyFile));
        sshd.authorize(imported.publicKey());

        try (var host = sessions.open(sshd.target(), keys.load(imported), pinned)) {
            assertThat(host.run("echo rsa works").stdout()).isEqualTo("rsa works\n");
        }
        assertThat(sshd.log()).contains("Accepted publickey").contains(imported.fingerprint());
    }

    @Test
    void nothingShownAboutASessionHoldsThePrivateKey() {
        try (var host = sessions.open(sshd.target(), key, pinned)) {
            var result = host.run("echo hi");

            KeyLeaks.assertNoPrivateKey(List.of(host.toString(), result.toString(), key.toString(),
                    reference.toString(), pinned.toString(), store.require(SecretPath.of(reference.secretPath()))
                            .toString()), key.privateKeyText(), key.publicKey());
            assertThat(host.toString()).isEqualTo("RemoteHost[" + sshd.target() + ", " + pinned + "]");
        }
    }
}
