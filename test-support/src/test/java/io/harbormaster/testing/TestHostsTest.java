package io.harbormaster.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real test hosts, reached the way the product reaches a machine: ssh with a key, Docker Engine started over
 * ssh, an address that changes under a running host. Skipped (visibly) where the machine cannot run test hosts.
 */
class TestHostsTest {

    private static final String ONE_IP = "10.213.0.201";
    private static final String TWO_IP = "10.213.0.202";
    private static final String MOVED_IP = "10.213.0.203";
    private static final String GONE_IP = "10.213.0.204";

    @TempDir
    static Path dir;

    private static Path privateKey;
    private static Path publicKey;
    private static TestHost one;
    private static TestHost two;

    @BeforeAll
    static void startTwoHosts() {
        assumeTrue(TestHosts.available(), TestHosts.unavailableReason());
        privateKey = dir.resolve("id_ed25519");
        publicKey = dir.resolve("id_ed25519.pub");
        var keygen = Processes.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", privateKey.toString()),
                null, Duration.ofSeconds(30));
        assertThat(keygen.succeeded()).as(keygen.stderr()).isTrue();

        one = timed("host up", () -> TestHosts.up("ths-one", ONE_IP, publicKey));
        two = timed("host up", () -> TestHosts.up("ths-two", TWO_IP, publicKey));
    }

    @AfterAll
    static void downBoth() {
        if (one != null) {
            one.down();
        }
        if (two != null) {
            two.down();
        }
    }

    @Test
    void sshWithTheAuthorizedKeyReachesEachHostUnderItsOwnName() {
        assertThat(ssh(one.ip(), "hostname").stdout().strip()).isEqualTo("ths-one");
        assertThat(ssh(two.ip(), "hostname").stdout().strip()).isEqualTo("ths-two");
    }

    @Test
    void hostsReachEachOtherOverTheBridge() {
        assertThat(one.exec("busybox", "ping", "-c", "1", "-W", "2", two.ip()).succeeded()).isTrue();
        assertThat(two.exec("busybox", "ping", "-c", "1", "-W", "2", one.ip()).succeeded()).isTrue();
    }

    @Test
    void dockerdStartedOverSshRunsAContainerFromTheImportedBusyboxImage() throws Exception {
        var image = TestHosts.busyboxImage(dir);
        var started = System.nanoTime();
        var start = ssh(one.ip(), "dockerd --config-file /etc/docker/daemon.json -H unix:///var/run/docker.sock"
                + " >/var/log/dockerd.log 2>&1 </dev/null &");
        assertThat(start.succeeded()).as(start.stderr()).isTrue();
        awaitDockerPing(one);
        report("dockerd ready", started);

        var imported = Processes.run(sshCommand(one.ip(), "docker import - hm-busybox"), image, Duration.ofMinutes(1));
        assertThat(imported.succeeded()).as(imported.stderr()).isTrue();
        var run = ssh(one.ip(), "docker run --rm --network none hm-busybox echo ok");
        assertThat(run.stdout().strip()).as(run.stderr()).isEqualTo("ok");

        // The test-host settings in daemon.json hold: no docker0 bridge, so containers cannot reach a network.
        assertThat(one.exec("ip", "link", "show", "docker0").succeeded()).isFalse();
        System.out.printf("[measured] memory: %s %d MiB with dockerd, %s %d MiB without (PSS)%n",
                one.name(), one.memoryMiB(), two.name(), two.memoryMiB());
    }

    @Test
    void setIpMovesTheHostWhileItKeepsRunningAndOnlyTheNewAddressAnswers() {
        var sleeper = one.exec("sh", "-c", "sleep 300 </dev/null >/dev/null 2>&1 & echo $!").stdout().strip();
        one.setIp(MOVED_IP);
        try {
            assertThat(ssh(MOVED_IP, "hostname").stdout().strip()).isEqualTo("ths-one");
            assertThat(ssh(ONE_IP, "hostname").succeeded()).isFalse();
            assertThat(two.exec("busybox", "ping", "-c", "1", "-W", "2", MOVED_IP).succeeded()).isTrue();
            assertThat(one.exec("kill", "-0", sleeper).succeeded()).as("process started before the change").isTrue();
        } finally {
            one.setIp(ONE_IP);
        }
    }

    @Test
    void downRemovesTheHostsProcessesNetworkAndState() {
        var gone = TestHosts.up("ths-gone", GONE_IP, publicKey);
        var pid = gone.pid();

        gone.down();

        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(Path.of("/run/netns/hm-ths-gone")).doesNotExist();
        assertThat(Processes.run(List.of("ip", "-n", "hm-bridge", "link", "show", "p-ths-gone"), null,
                Duration.ofSeconds(10)).succeeded()).isFalse();
        assertThat(stateRoot().resolve("ths-gone")).doesNotExist();
        assertThat(ssh(GONE_IP, "hostname").succeeded()).isFalse();
    }

    @Test
    void anAddressOutsideTheTestNetworkIsRefusedWithTheRangeThatWorks() {
        assertThatThrownBy(() -> TestHosts.up("ths-bad", "10.213.1.5", publicKey))
                .hasMessageContaining("10.213.1.5")
                .hasMessageContaining("10.213.0.2 to 10.213.0.254");
    }

    @Test
    void commandOutputThatCarriesKeyMaterialStaysOutOfToString() {
        var result = one.exec("printf", "%s\\n", "-----BEGIN PRIVATE KEY-----", "c2VjcmV0");

        assertThat(result.stdout()).contains("BEGIN PRIVATE KEY", "c2VjcmV0");
        assertThat(result.toString()).doesNotContain("PRIVATE KEY").doesNotContain("c2VjcmV0");
    }

    private static CommandResult ssh(String ip, String command) {
        return Processes.run(sshCommand(ip, command), null, Duration.ofMinutes(1));
    }

    private static List<String> sshCommand(String ip, String command) {
        return List.of("ssh", "-i", privateKey.toString(), "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "ConnectTimeout=3",
                "-o", "LogLevel=ERROR", "root@" + ip, command);
    }

    private static void awaitDockerPing(TestHost host) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var ping = host.exec("curl", "-sf", "--unix-socket", "/var/run/docker.sock", "http://docker/_ping");
            if (ping.stdout().strip().equals("OK")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("dockerd in " + host.name() + " did not answer /_ping within 30 s: "
                + host.exec("tail", "-n", "20", "/var/log/dockerd.log").stdout());
    }

    private static Path stateRoot() {
        var configured = System.getenv("HM_TESTHOSTS_STATE");
        return Path.of(configured == null || configured.isBlank() ? "/var/lib/harbormaster-testhosts" : configured);
    }

    private static <T> T timed(String what, Supplier<T> action) {
        var started = System.nanoTime();
        var result = action.get();
        report(what, started);
        return result;
    }

    private static void report(String what, long startedNanos) {
        System.out.printf("[measured] %s: %d ms%n", what, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
