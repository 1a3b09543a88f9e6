package io.harbormaster.command.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.InMemorySecretStore;
import io.harbormaster.command.secret.SecretMissingException;
import io.harbormaster.command.secret.SecretPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A machine's SSH user CA and the OpenSSH user certificates it signs, checked against the real ssh-keygen, sshd and
 * ssh: what ssh-keygen lists, logins a real sshd accepts with {@code TrustedUserCAKeys}, and those it refuses.
 */
class SshUserCertificatesTest {

    private static final String USER = System.getProperty("user.name");

    private final InMemorySecretStore store = new InMemorySecretStore();
    private final MachineSshUserCas cas = new MachineSshUserCas(store);
    private final MachineId machine = MachineId.random();

    @TempDir
    Path folder;

    @BeforeEach
    void needsSshKeygen() {
        assumeTrue(Programs.sshKeygenInstalled(), "ssh-keygen is not installed (apt-get install -y openssh-client): "
                + "the certificate checks against it are skipped");
    }

    @Test
    void theCaIsAnEd25519KeyStoredAtTheMachinesSshUserCaPathThatOpenSshReads() throws IOException {
        var ca = cas.generate(machine);

        var stored = store.require(SecretPath.of("machines/" + machine.value() + "/ssh-user-ca"));
        assertThat(stored.version().number()).isEqualTo(1);
        assertThat(stored.value("private-key")).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        assertThat(stored.value("public-key")).isEqualTo(ca.publicKey());
        assertThat(ca.publicKey()).startsWith("ssh-ed25519 AAAA").endsWith(" harbormaster-user-ca-" + machine.value());

        var privateFile = write("ca", stored.value("private-key"));
        Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        var publicFromOpenSsh = Programs.run(Programs.SSH_KEYGEN.toString(), "-y", "-f", privateFile.toString());
        assertThat(ca.publicKey()).startsWith(publicFromOpenSsh.strip().split(" ")[0] + " "
                + publicFromOpenSsh.strip().split(" ")[1]);
        assertThat(Programs.fingerprint(write("ca.pub", ca.publicKey() + "\n"))).isEqualTo(ca.fingerprint());

        var loaded = cas.load(machine);
        assertThat(loaded.publicKey()).isEqualTo(ca.publicKey());
        assertThat(cas.find(machine)).hasValueSatisfying(found -> assertThat(found.fingerprint())
                .isEqualTo(ca.fingerprint()));
        assertThat(cas.currentPublicKey(machine)).contains(ca.publicKey());
        assertThat(cas.loadOrGenerate(machine).fingerprint()).isEqualTo(ca.fingerprint());
    }

    @Test
    void generatingAgainRotatesAndDestroyRemovesEveryVersion() {
        var first = cas.generate(machine);
        var second = cas.generate(machine);

        assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(cas.load(machine).fingerprint()).isEqualTo(second.fingerprint());
        assertThat(store.require(SecretPath.machineSshUserCa(machine)).version().number()).isEqualTo(2);

        cas.destroy(machine);
        assertThat(cas.find(machine)).isEmpty();
        assertThatThrownBy(() -> cas.load(machine)).isInstanceOf(SecretMissingException.class);
        assertThat(cas.loadOrGenerate(machine).fingerprint()).isNotEqualTo(second.fingerprint());
    }

    @Test
    void sshKeygenListsTheCertificateWithItsTypeKeyIdSerialPrincipalsValidityAndExtensions() {
        var ca = cas.generate(machine);
        var userKey = Programs.keygen(folder, "id_ed25519", "-t", "ed25519");
        var after = Instant.parse("2026-03-01T10:00:00Z");
        var certificate = OpenSshUserCertificate.forKey(SshUserPublicKey.parse(read(userKey + ".pub")))
                .serial(42)
                .keyId(OpenSshUserCertificate.keyId("alice", "web-1"))
                .principals("root", "docker")
                .validity(after, after.plus(Duration.ofMinutes(7)))
                .signBy(ca);
        var certFile = write("id_ed25519-cert.pub", certificate.line() + "\n");

        var listing = listing(certFile);

        assertThat(certificate.line()).startsWith("ssh-ed25519-cert-v01@openssh.com AAAA").endsWith(" id_ed25519@test");
        assertThat(listing).contains("Type: ssh-ed25519-cert-v01@openssh.com user certificate");
        assertThat(listing).contains("Public key: ED25519-CERT " + Programs.fingerprint(Path.of(userKey + ".pub")));
        assertThat(listing).contains("Signing CA: ED25519 " + ca.fingerprint() + " (using ssh-ed25519)");
        assertThat(listing).contains("Key ID: \"harbormaster:alice:web-1\"");
        assertThat(listing).contains("Serial: 42");
        assertThat(listing).contains("Valid: from 2026-03-01T10:00:00 to 2026-03-01T10:07:00");
        assertThat(section(listing, "Principals:")).containsExactly("root", "docker");
        assertThat(listing).contains("Critical Options: (none)");
        assertThat(section(listing, "Extensions:")).containsExactly("permit-port-forwarding", "permit-pty");
        assertThat(certificate.caFingerprint()).isEqualTo(ca.fingerprint());
    }

    @Test
    void theDefaultValidityIsBackdatedForClockSkewAndLastsAFewMinutes() {
        var ca = cas.generate(machine);
        var userKey = Programs.keygen(folder, "id_ed25519", "-t", "ed25519");
        var now = Instant.parse("2026-03-01T10:00:00Z");
        var certificate = OpenSshUserCertificate.forKey(SshUserPublicKey.parse(read(userKey + ".pub")))
                .keyId("k").principals("root")
                .extensions(EnumSet.allOf(OpenSshUserCertificate.Extension.class))
                .validFor(OpenSshUserCertificate.DEFAULT_LIFETIME, Clock.fixed(now, ZoneOffset.UTC))
                .signBy(ca);

        var listing = listing(write("id-cert.pub", certificate.line() + "\n"));

        assertThat(listing).contains("Valid: from 2026-03-01T09:58:00 to 2026-03-01T10:05:00");
        assertThat(section(listing, "Extensions:")).containsExactly("permit-X11-forwarding",
                "permit-agent-forwarding", "permit-port-forwarding", "permit-pty", "permit-user-rc");
        assertThat(certificate.serial()).isNotNegative();
    }

    @Test
    void theValidityItReportsIsTheOneItHolds_inWholeSecondsWithTheEndRoundedUp() {
        var ca = cas.generate(machine);
        var userKey = Programs.keygen(folder, "id_ed25519", "-t", "ed25519");
        var now = Instant.parse("2026-03-01T10:00:00.400Z");
        var certificate = OpenSshUserCertificate.forKey(SshUserPublicKey.parse(read(userKey + ".pub")))
                .keyId("k").principals("root")
                .validFor(Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC))
                .signBy(ca);

        assertThat(certificate.validAfter()).isEqualTo(Instant.parse("2026-03-01T09:58:00Z"));
        assertThat(certificate.validBefore()).isEqualTo(Instant.parse("2026-03-01T10:05:01Z"));
        assertThat(listing(write("id-cert.pub", certificate.line() + "\n")))
                .contains("Valid: from 2026-03-01T09:58:00 to 2026-03-01T10:05:01");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void keysOfEachAcceptedTypeAreCertifiedAsSshKeygenReadsThem(String type) {
        var ca = cas.generate(machine);
        var userKey = Programs.keygen(folder, "id_" + type, "-t", type);
        var key = SshUserPublicKey.parse(read(userKey + ".pub"));
        var certificate = OpenSshUserCertificate.forKey(key).keyId("k").principals("root")
                .validFor(Duration.ofMinutes(5), Clock.systemUTC()).signBy(ca);

        var listing = listing(write("id-cert.pub", certificate.line() + "\n"));

        assertThat(key.fingerprint()).isEqualTo(Programs.fingerprint(Path.of(userKey + ".pub")));
        assertThat(listing).contains("Type: " + key.type() + "-cert-v01@openssh.com user certificate");
        assertThat(certificate.type()).isEqualTo(key.type() + "-cert-v01@openssh.com");
    }

    @Test
    void aCertificateNeedsAKeyIdPrincipalsAndAShortValidity() {
        var ca = cas.generate(machine);
        var key = SshUserPublicKey.parse(read(Programs.keygen(folder, "id", "-t", "ed25519") + ".pub"));
        var now = Instant.now();

        assertThatThrownBy(() -> OpenSshUserCertificate.forKey(key).principals("root")
                .validity(now, now.plusSeconds(60)).signBy(ca)).hasMessageContaining("key id");
        assertThatThrownBy(() -> OpenSshUserCertificate.forKey(key).keyId("k")
                .validity(now, now.plusSeconds(60)).signBy(ca)).hasMessageContaining("any user name");
        assertThatThrownBy(() -> OpenSshUserCertificate.forKey(key).keyId("k").principals("root")
                .validity(now, now).signBy(ca)).hasMessageContaining("end after it starts");
        assertThatThrownBy(() -> OpenSshUserCertificate.forKey(key).keyId("k").principals("root")
                .validity(now, now.plus(Duration.ofDays(2))).signBy(ca)).hasMessageContaining("at most");
        assertThatThrownBy(() -> OpenSshUserCertificate.forKey(key).principals("a,b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenSshUserCertificate.forKey(key).keyId("a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAPlainPublicKeyLineOfAnAcceptedTypeIsRead() {
        var ed25519 = read(Programs.keygen(folder, "id", "-t", "ed25519") + ".pub");
        var body = ed25519.split(" ")[1];

        assertThat(SshUserPublicKey.parse(ed25519).type()).isEqualTo("ssh-ed25519");
        assertThat(SshUserPublicKey.parse("ssh-ed25519 " + body).comment()).isEmpty();
        assertRefused(null, "empty");
        assertRefused("  ", "empty");
        assertRefused(read(folder.resolve("id")), "private key");
        assertRefused("from=\"10.0.0.1\" " + ed25519, "must start with");
        assertRefused("ssh-dss " + body, "must start with");
        assertRefused("sk-ssh-ed25519@openssh.com " + body, "must start with");
        assertRefused("ssh-ed25519", "no key");
        assertRefused("ssh-ed25519 not*base64", "damaged");
        assertRefused("ssh-ed25519 " + body.substring(0, body.length() - 8), "damaged");
        assertRefused("ssh-rsa " + body, "says it is ssh-rsa");
        assertRefused(read(Programs.keygen(folder, "short", "-t", "rsa", "-b", "1024") + ".pub"), "1024 bits");

        var ca = cas.generate(machine);
        var certificate = OpenSshUserCertificate.forKey(SshUserPublicKey.parse(ed25519)).keyId("k")
                .principals("root").validFor(Duration.ofMinutes(1), Clock.systemUTC()).signBy(ca);
        assertRefused(certificate.line(), "certificate");
    }

    @Test
    void noPrivateKeyShowsInToStringOrExceptionMessages() {
        var ca = cas.generate(machine);
        var caPrivate = store.require(SecretPath.machineSshUserCa(machine)).value("private-key");
        var userKey = Programs.keygen(folder, "id", "-t", "ed25519");
        var userPrivate = read(userKey);
        var userPublic = read(userKey + ".pub");
        var certificate = OpenSshUserCertificate.forKey(SshUserPublicKey.parse(userPublic)).keyId("k")
                .principals("root").validFor(Duration.ofMinutes(1), Clock.systemUTC()).signBy(ca);

        var shown = new ArrayList<String>(List.of(ca.toString(), cas.load(machine).toString(), certificate.toString(),
                SshUserPublicKey.parse(userPublic).toString(), cas.toString()));
        KeyLeaks.assertNoPrivateKey(shown, caPrivate, ca.publicKey());

        var userKeyGiven = catchThrowable(() -> SshUserPublicKey.parse(userPrivate));
        KeyLeaks.assertNoPrivateKey(userKeyGiven, userPrivate, userPublic);
        var mangled = caPrivate.replace("-----END", "AAAA-----END").substring(0, caPrivate.length() - 60) + "\n";
        var damagedCa = catchThrowable(() -> SshUserCa.fromPrivateKeyText(machine, mangled));
        assertThat(damagedCa).isNotNull().hasMessageContaining("damaged").hasNoCause();
        KeyLeaks.assertNoPrivateKey(damagedCa, caPrivate, ca.publicKey());
    }

    /** Logins through a real sshd that trusts the machine's CA. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AgainstARealSshd {

        private Path sshdFolder;
        private SshUserCa ca;
        private LocalSshd sshd;

        @BeforeAll
        void startSshd() throws IOException {
            LocalSshd.assumeAvailable();
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh")), "the ssh client is not installed (apt-get "
                    + "install -y openssh-client): the logins with certificates are skipped");
            sshdFolder = Files.createTempDirectory("sshca-");
            ca = new MachineSshUserCas(new InMemorySecretStore()).generate(MachineId.random());
            var trusted = Files.writeString(sshdFolder.resolve("trusted_user_ca_keys"), ca.publicKey() + "\n");
            sshd = LocalSshd.startWith(sshdFolder, List.of(
                    "TrustedUserCAKeys " + trusted,
                    "PubkeyAuthentication yes",
                    "LogLevel VERBOSE"));
        }

        @AfterAll
        void stopSshd() throws IOException {
            if (sshd != null) {
                sshd.close();
            }
            if (sshdFolder != null) {
                try (var files = Files.walk(sshdFolder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
        void aCertificateOfTheMachinesCaForTheUserLogsIn(String type) {
            var key = Programs.keygen(folder, "id_" + type, "-t", type);
            var cert = certify(key, ca, USER, Instant.now().minusSeconds(120), Instant.now().plusSeconds(300));

            var result = ssh(key, cert);

            assertThat(result.output()).as("ssh output; sshd log:\n" + sshd.log()).isEqualTo("ok\n");
            assertThat(result.exitCode()).isZero();
            assertThat(sshd.log()).contains("ID harbormaster:" + USER + ":test");
        }

        @Test
        void aCertificateOfAnotherCaIsRefused() {
            var other = SshUserCa.generate(MachineId.random());
            var key = Programs.keygen(folder, "id", "-t", "ed25519");
            var cert = certify(key, other, USER, Instant.now().minusSeconds(120), Instant.now().plusSeconds(300));

            assertRefused(ssh(key, cert));
        }

        @Test
        void anExpiredCertificateIsRefused() {
            var key = Programs.keygen(folder, "id", "-t", "ed25519");
            var now = Instant.now();
            var cert = certify(key, ca, USER, now.minus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS));

            assertRefused(ssh(key, cert));
        }

        @Test
        void aCertificateNotYetValidIsRefused() {
            var key = Programs.keygen(folder, "id", "-t", "ed25519");
            var now = Instant.now();
            var cert = certify(key, ca, USER, now.plus(1, ChronoUnit.HOURS), now.plus(2, ChronoUnit.HOURS));

            assertRefused(ssh(key, cert));
        }

        @Test
        void aCertificateForAnotherPrincipalIsRefused() {
            var key = Programs.keygen(folder, "id", "-t", "ed25519");
            var cert = certify(key, ca, "someone-else", Instant.now().minusSeconds(120),
                    Instant.now().plusSeconds(300));

            assertRefused(ssh(key, cert));
        }

        @Test
        void aCertificateOfAnotherKeyIsRefused() {
            var key = Programs.keygen(folder, "id", "-t", "ed25519");
            var otherKey = Programs.keygen(folder, "other", "-t", "ed25519");
            var cert = certify(otherKey, ca, USER, Instant.now().minusSeconds(120), Instant.now().plusSeconds(300));

            assertRefused(ssh(key, cert));
        }

        private void assertRefused(SshResult result) {
            assertThat(result.exitCode()).as(result.output()).isEqualTo(255);
            assertThat(result.output()).contains("Permission denied").doesNotContain("ok\n");
        }

        private Path certify(Path key, SshUserCa signer, String principal, Instant after, Instant before) {
            var certificate = OpenSshUserCertificate.forKey(SshUserPublicKey.parse(read(key + ".pub")))
                    .keyId(OpenSshUserCertificate.keyId(principal, "test"))
                    .principals(principal)
                    .validity(after, before)
                    .signBy(signer);
            return write(key.getFileName() + "-cert.pub", certificate.line() + "\n");
        }

        private SshResult ssh(Path key, Path cert) {
            try {
                Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
                var process = new ProcessBuilder("/usr/bin/ssh", "-F", "/dev/null", "-p", String.valueOf(sshd.port()),
                        "-i", key.toString(), "-o", "CertificateFile=" + cert, "-o", "IdentitiesOnly=yes",
                        "-o", "IdentityAgent=none", "-o", "StrictHostKeyChecking=no",
                        "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10",
                        "-o", "LogLevel=ERROR", USER + "@127.0.0.1", "echo ok")
                        .redirectErrorStream(true).start();
                process.getOutputStream().close();
                var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("ssh did not finish within 30 s: " + output);
                }
                return new SshResult(process.exitValue(), output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private record SshResult(int exitCode, String output) {
    }

    private static void assertRefused(String line, String expected) {
        assertThatThrownBy(() -> SshUserPublicKey.parse(line))
                .isInstanceOf(InvalidSshKeyException.class)
                .hasMessageContaining(expected);
    }

    /** {@code ssh-keygen -L} of a certificate file, times in UTC. */
    private static String listing(Path certFile) {
        try {
            var builder = new ProcessBuilder(Programs.SSH_KEYGEN.toString(), "-L", "-f", certFile.toString())
                    .redirectErrorStream(true);
            builder.environment().put("TZ", "UTC");
            var process = builder.start();
            process.getOutputStream().close();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The indented lines under a heading of an {@code ssh-keygen -L} listing. */
    private static List<String> section(String listing, String heading) {
        var lines = listing.lines().toList();
        var values = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(heading)) {
                int indent = lines.get(i).indexOf(heading.charAt(0));
                for (int j = i + 1; j < lines.size(); j++) {
                    var line = lines.get(j);
                    if (line.indexOf(line.strip().isEmpty() ? ' ' : line.strip().charAt(0)) <= indent) {
                        break;
                    }
                    values.add(line.strip());
                }
            }
        }
        return values;
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(folder.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Object file) {
        return Programs.read(Path.of(file.toString())).strip();
    }

}
