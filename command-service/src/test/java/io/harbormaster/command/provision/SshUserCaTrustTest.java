package io.harbormaster.command.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.InMemorySecretStore;
import io.harbormaster.command.ssh.MachineSshKeys;
import io.harbormaster.command.ssh.MachineSshUserCas;
import io.harbormaster.command.ssh.RemoteHostShell;
import io.harbormaster.command.ssh.SshKey;
import io.harbormaster.command.ssh.SshSessions;
import io.harbormaster.command.ssh.SshSettings;
import io.harbormaster.command.ssh.SshUserCa;
import io.harbormaster.command.ssh.SshUserCertificatePolicy;
import io.harbormaster.command.ssh.SshUserPublicKey;
import io.harbormaster.driver.HostShell;
import io.harbormaster.driver.SshTarget;
import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provisioner makes a real host's sshd (a test host: Debian 12's OpenSSH, run as {@code sshd -D -e}) trust a
 * machine's SSH user CA, and the real {@code ssh} logs in with a certificate the CA signed: on a host whose
 * sshd_config includes {@code sshd_config.d}, on one that does not, and on one that trusts a CA of its own. The
 * platform's own key keeps working, running it again changes nothing, and a change sshd would not take is undone.
 */
class SshUserCaTrustTest {

    private static final String HOST = "ssc-trust-a";
    private static final String IP = "10.213.0.201";
    private static final MachineId MACHINE = MachineId.of("6b1d3c2e-0000-4000-8000-00000000ca11");

    @TempDir
    static Path keys;
    private static Path platformKey;
    private static Path userKey;

    private final Provisioner provisioner = new Provisioner(null,
            new ProvisioningSettings(null, null, null, null, null, null));
    private final MachineSshUserCas cas = new MachineSshUserCas(new InMemorySecretStore());
    private final SshTarget root = new SshTarget(IP, 22, "root");
    private TestHost host;
    private SshKey machineKey;

    @BeforeAll
    static void makeKeys() {
        assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        platformKey = keygen("platform");
        userKey = keygen("alice");
    }

    @BeforeEach
    void freshHost() throws IOException {
        host = TestHosts.up(HOST, IP, Path.of(platformKey + ".pub"));
        var stored = new MachineSshKeys(new InMemorySecretStore());
        machineKey = stored.load(stored.importKey(MACHINE, Files.readString(platformKey)));
    }

    @AfterEach
    void down() {
        if (host != null) {
            host.down();
        }
    }

    @Test
    void aDebianHost_getsADropIn_andACertificateOfTheCaLogsIn_whileThePlatformsOwnKeyStillWorks() {
        var ca = cas.generate(MACHINE);

        var file = trust(ca);

        assertThat(file).isEqualTo("/etc/ssh/harbormaster_user_ca.pub");
        assertThat(onHost("cat", SshUserCaTrust.DROP_IN)).isEqualTo("# Harbormaster: sshd trusts the SSH user CA of "
                + "the machine on this host.\nTrustedUserCAKeys /etc/ssh/harbormaster_user_ca.pub\n");
        assertThat(onHost("cat", file)).isEqualTo(ca.publicKey() + "\n");
        assertThat(onHost("stat", "-c", "%a", file)).isEqualTo("644\n");
        assertThat(onHost("sh", "-c", "sshd -T | grep -i '^trustedusercakeys'")).isEqualTo("trustedusercakeys " + file
                + "\n");
        assertThat(sshWithCertificate(ca, "root")).isEqualTo(new Login(0, "logged in as root\n"));
        try (var shell = open()) {
            assertThat(shell.run("echo platform key works", Duration.ofSeconds(30)).stdout())
                    .isEqualTo("platform key works\n");
        }
    }

    @Test
    void aCertificateOfAnotherMachinesCa_orForAnotherLoginName_isRefused() {
        trust(cas.generate(MACHINE));

        var otherCa = new MachineSshUserCas(new InMemorySecretStore()).generate(MachineId.random());
        assertThat(sshWithCertificate(otherCa, "root").exitCode()).isEqualTo(255);
        assertThat(sshWithCertificate(cas.load(MACHINE), "deploy", "root").exitCode()).isEqualTo(255);
    }

    @Test
    void trustingTheSameCaAgain_changesNoFile() {
        var ca = cas.generate(MACHINE);
        trust(ca);
        var before = onHost("stat", "-c", "%i %Y", "/etc/ssh/sshd_config", SshUserCaTrust.DROP_IN,
                "/etc/ssh/harbormaster_user_ca.pub");

        assertThat(trust(ca)).isEqualTo("/etc/ssh/harbormaster_user_ca.pub");

        assertThat(onHost("stat", "-c", "%i %Y", "/etc/ssh/sshd_config", SshUserCaTrust.DROP_IN,
                "/etc/ssh/harbormaster_user_ca.pub")).isEqualTo(before);
        assertThat(sshWithCertificate(ca, "root").exitCode()).isZero();
    }

    @Test
    void aNewCaOfTheMachine_replacesTheOneTheHostTrusted() {
        var first = cas.generate(MACHINE);
        trust(first);
        var second = cas.generate(MACHINE);

        trust(second);

        assertThat(sshWithCertificate(second, "root").exitCode()).isZero();
        assertThat(sshWithCertificate(first, "root").exitCode()).isEqualTo(255);
    }

    @Test
    void withoutTheInclude_theSettingGoesAtTheTopOfSshdConfig_outsideItsMatchBlocks() {
        onHost("sh", "-c", "sed -i '/^Include/d' /etc/ssh/sshd_config && printf 'Match User nobody\\n"
                + "    X11Forwarding no\\n' >>/etc/ssh/sshd_config && kill -HUP \"$(cat /run/sshd.pid)\"");
        awaitSshd();
        var ca = cas.generate(MACHINE);

        assertThat(trust(ca)).isEqualTo("/etc/ssh/harbormaster_user_ca.pub");

        assertThat(onHost("head", "-n", "2", "/etc/ssh/sshd_config")).isEqualTo("# Harbormaster: sshd trusts the "
                + "SSH user CA of the machine on this host.\nTrustedUserCAKeys /etc/ssh/harbormaster_user_ca.pub\n");
        assertThat(onHost("sh", "-c", "ls /etc/ssh/sshd_config.harbormaster-* " + SshUserCaTrust.DROP_IN
                + " 2>/dev/null || true")).isEmpty();
        assertThat(sshWithCertificate(ca, "root").exitCode()).isZero();
    }

    @Test
    void aHostThatTrustsItsOwnCa_keepsIt_andGetsTheMachinesCaAddedToTheSameFile() {
        var own = new MachineSshUserCas(new InMemorySecretStore()).generate(MachineId.random());
        onHost("sh", "-c", "printf '%s\\n' '" + own.publicKey().replace("harbormaster-user-ca", "site-ca")
                + "' >/etc/ssh/site_user_ca.pub && sed -i '1i TrustedUserCAKeys /etc/ssh/site_user_ca.pub' "
                + "/etc/ssh/sshd_config && kill -HUP \"$(cat /run/sshd.pid)\"");
        awaitSshd();
        var first = cas.generate(MACHINE);
        trust(first);
        var second = cas.generate(MACHINE);

        assertThat(trust(second)).isEqualTo("/etc/ssh/site_user_ca.pub");

        assertThat(onHost("cat", "/etc/ssh/site_user_ca.pub").lines().toList()).containsExactly(
                own.publicKey().replace("harbormaster-user-ca", "site-ca"), second.publicKey());
        assertThat(onHost("sh", "-c", "ls /etc/ssh/harbormaster_user_ca.pub " + SshUserCaTrust.DROP_IN
                + " 2>/dev/null || true")).isEmpty();
        assertThat(sshWithCertificate(second, "root").exitCode()).isZero();
        assertThat(sshWithCertificate(own, "root").exitCode()).isZero();
    }

    @Test
    void whenAnEarlierLineOfSshdConfigWins_theChangeIsUndone_andTheFailureSaysWhatToDo() {
        onHost("sed", "-i", "1i TrustedUserCAKeys none", "/etc/ssh/sshd_config");
        var ca = cas.generate(MACHINE);

        assertThatThrownBy(() -> trust(ca))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("sshd still reads TrustedUserCAKeys none after the change")
                .hasMessageContaining("set TrustedUserCAKeys /etc/ssh/harbormaster_user_ca.pub in sshd_config by "
                        + "hand");

        assertThat(onHost("sh", "-c", "ls " + SshUserCaTrust.DROP_IN + " 2>/dev/null || true")).isEmpty();
        assertThat(onHost("sh", "-c", "sshd -t && echo valid")).isEqualTo("valid\n");
        try (var shell = open()) {
            assertThat(shell.run("true", Duration.ofSeconds(30)).ok()).isTrue();
        }
    }

    // ------------------------------------------------------------------ helpers

    private String trust(SshUserCa ca) {
        try (var shell = open()) {
            return provisioner.trustSshUserCa(root, shell, ca.publicKey());
        }
    }

    private HostShell open() {
        return new RemoteHostShell(new SshSessions(SshSettings.defaults()).open(root, machineKey, null), true);
    }

    private String onHost(String... command) {
        var result = host.exec(command);
        assertThat(result.exitCode()).as("%s: %s", List.of(command), result.stderr()).isZero();
        return result.stdout();
    }

    private void awaitSshd() {
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (var shell = open()) {
                return;
            } catch (RuntimeException e) {
                pause();
            }
        }
        throw new IllegalStateException("sshd on " + IP + " did not answer again within 10 s");
    }

    private record Login(int exitCode, String output) {
    }

    /** The real ssh with alice's key and a certificate {@code ca} signed for {@code principal}, logging in as it. */
    private Login sshWithCertificate(SshUserCa ca, String principal) {
        return sshWithCertificate(ca, principal, principal);
    }

    private Login sshWithCertificate(SshUserCa ca, String principal, String login) {
        try {
            var certificate = new SshUserCertificatePolicy(Duration.ofMinutes(1)).sign(ca,
                    SshUserPublicKey.parse(Files.readString(Path.of(userKey + ".pub"))), "alice", "web-1", principal,
                    Clock.systemUTC());
            var certFile = Files.writeString(keys.resolve("alice-cert.pub"), certificate.line() + "\n");
            var process = new ProcessBuilder("ssh", "-F", "/dev/null", "-i", userKey.toString(),
                    "-o", "CertificateFile=" + certFile, "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                    "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                    "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10", login + "@" + IP, "echo logged in as $(id -un)")
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return new Login(process.exitValue(), output);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path keygen(String name) {
        try {
            var key = keys.resolve(name);
            var process = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f",
                    key.toString()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            return key;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
