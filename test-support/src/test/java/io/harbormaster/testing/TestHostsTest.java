package io.harbormaster.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real test hosts, reached the way the product reaches a machine: ssh with a key, Docker Engine started over
 * ssh, an address that changes under a running host, a reboot over ssh. Skipped (visibly) where the machine cannot
 * run test hosts. Names start with {@code thr-} and addresses lie in 10.213.0.205-215, apart from other test classes.
 */
class TestHostsTest {

    private static final String ONE_IP = "10.213.0.205";
    private static final String TWO_IP = "10.213.0.206";
    private static final String MOVED_IP = "10.213.0.207";
    private static final String GONE_IP = "10.213.0.208";
    private static final String BOOT_IP = "10.213.0.209";
    private static final String RACE_IP = "10.213.0.210";
    private static final String OFF_IP = "10.213.0.211";
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(30);

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

        one = timed("host up", () -> TestHosts.up("thr-one", ONE_IP, publicKey));
        two = timed("host up", () -> TestHosts.up("thr-two", TWO_IP, publicKey));
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
        assertThat(ssh(one.ip(), "hostname").stdout().strip()).isEqualTo("thr-one");
        assertThat(ssh(two.ip(), "hostname").stdout().strip()).isEqualTo("thr-two");
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
            assertThat(ssh(MOVED_IP, "hostname").stdout().strip()).isEqualTo("thr-one");
            assertThat(ssh(ONE_IP, "hostname").succeeded()).isFalse();
            assertThat(two.exec("busybox", "ping", "-c", "1", "-W", "2", MOVED_IP).succeeded()).isTrue();
            assertThat(one.exec("kill", "-0", sleeper).succeeded()).as("process started before the change").isTrue();
        } finally {
            one.setIp(ONE_IP);
        }
    }

    @Test
    void downRemovesTheHostsProcessesNetworkAndState() {
        var gone = TestHosts.up("thr-gone", GONE_IP, publicKey);
        var pid = gone.pid();

        gone.down();

        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(Path.of("/run/netns/hm-thr-gone")).doesNotExist();
        assertThat(Processes.run(List.of("ip", "-n", "hm-bridge", "link", "show", "p-thr-gone"), null,
                Duration.ofSeconds(10)).succeeded()).isFalse();
        assertThat(stateRoot().resolve("thr-gone")).doesNotExist();
        assertThat(ssh(GONE_IP, "hostname").succeeded()).isFalse();
    }

    @Test
    void anAddressOutsideTheTestNetworkIsRefusedWithTheRangeThatWorks() {
        assertThatThrownBy(() -> TestHosts.up("thr-bad", "10.213.1.5", publicKey))
                .hasMessageContaining("10.213.1.5")
                .hasMessageContaining("10.213.0.2 to 10.213.0.254");
    }

    @Test
    void commandOutputThatCarriesKeyMaterialStaysOutOfToString() {
        var result = one.exec("printf", "%s\\n", "-----BEGIN PRIVATE KEY-----", "c2VjcmV0");

        assertThat(result.stdout()).contains("BEGIN PRIVATE KEY", "c2VjcmV0");
        assertThat(result.toString()).doesNotContain("PRIVATE KEY").doesNotContain("c2VjcmV0");
    }

    @Test
    void aFreshHostHasDockerInstalledButNeitherRunningNorStartedAtBoot() {
        var links = two.exec("ls", "/etc/rc2.d", "/etc/rc3.d", "/etc/rc4.d", "/etc/rc5.d");

        assertThat(links.stdout()).as(links.stderr()).contains("K01docker").doesNotContainPattern("S\\d\\ddocker");
        assertThat(two.exec("docker", "--version").succeeded()).isTrue();
        assertThat(two.exec("service", "docker", "status").succeeded()).isFalse();
    }

    @Test
    void rebootOverSshEndsEveryProcessAndBootsTheSameHostAgainWithDockerStartedBecauseItIsEnabled() throws Exception {
        try (var host = TestHosts.up("thr-boot", BOOT_IP, publicKey)) {
            // What the provisioner runs on a host without systemd.
            var enable = host.exec("sh", "-c", "update-rc.d docker defaults; update-rc.d docker enable");
            assertThat(enable.succeeded()).as(enable.stderr()).isTrue();
            assertThat(host.exec("sh", "-c", "ls /etc/rc2.d/S??docker").succeeded()).isTrue();
            assertThat(host.exec("service", "docker", "start").succeeded()).isTrue();
            awaitDockerPing(host);
            var imported = host.execWithInput(TestHosts.busyboxImage(dir), "docker", "import", "-", "busybox");
            assertThat(imported.succeeded()).as(imported.stderr()).isTrue();
            var run = host.exec("docker", "run", "-d", "--network", "none", "busybox", "sleep", "1000");
            assertThat(run.succeeded()).as(run.stderr()).isTrue();
            var container = run.stdout().strip();
            assertThat(ssh(BOOT_IP, "echo written-before-the-reboot >/root/kept").succeeded()).isTrue();
            var hostKey = hostKey(BOOT_IP);
            var before = host.currentPid().orElseThrow();

            var started = System.nanoTime();
            var reboot = ssh(BOOT_IP, "reboot");
            // The session ends with the host: ssh reports the closed connection (255), or the command's 0.
            assertThat(reboot.exitCode()).as(reboot.stderr()).isIn(0, 255);
            var after = host.awaitReboot(before, BOOT_TIMEOUT);
            report("reboot to sshd accepting connections", started);

            assertThat(after).isNotEqualTo(before);
            assertThat(ProcessHandle.of(before)).as("the previous boot's PID 1").isEmpty();
            assertThat(ssh(BOOT_IP, "hostname").stdout().strip()).isEqualTo("thr-boot");
            assertThat(ssh(BOOT_IP, "cat /root/kept").stdout().strip()).isEqualTo("written-before-the-reboot");
            assertThat(hostKey(BOOT_IP)).isEqualTo(hostKey);
            awaitDockerPing(host);
            report("reboot to dockerd answering (started at boot)", started);
            var running = host.exec("docker", "ps", "-q", "--no-trunc");
            assertThat(running.succeeded()).as(running.stderr()).isTrue();
            assertThat(running.stdout()).doesNotContain(container);
            assertThat(host.exec("docker", "inspect", "-f", "{{.State.Running}}", container).stdout().strip())
                    .isEqualTo("false");

            started = System.nanoTime();
            var cycled = host.powerCycle();
            assertThat(cycled).isNotEqualTo(after);
            awaitDockerPing(host);
            report("power cycle (down, up) to dockerd answering", started);
            assertThat(hostKey(BOOT_IP)).isEqualTo(hostKey);
        }
    }

    @Test
    void downWhileTheHostRebootsLeavesNoProcessBehind() throws Exception {
        // From the end of the old boot to the new boot's dockerd starting: reboot returns once it has asked.
        for (var delayMillis : List.of(0, 20, 60, 150, 300)) {
            var host = TestHosts.up("thr-race", RACE_IP, publicKey);
            var network = networkNamespaceOf(host.pid());
            assertThat(host.exec("sh", "-c", "update-rc.d docker defaults; update-rc.d docker enable").succeeded())
                    .isTrue();

            var reboot = host.exec("reboot");
            // 137: the end of the boot killed the command before it exited, as it may on a loaded machine.
            assertThat(reboot.exitCode()).as(reboot.stderr()).isIn(0, 137);
            Thread.sleep(delayMillis);
            host.down();

            assertThat(processesIn(network)).as("processes in the host's network namespace, %d ms", delayMillis)
                    .isEmpty();
            assertThat(processesMentioning("thr-race")).as("supervisor or init, %d ms", delayMillis).isEmpty();
        }
    }

    @Test
    void poweroffEndsTheHostUntilItIsStartedAgain() throws Exception {
        try (var host = TestHosts.up("thr-off", OFF_IP, publicKey)) {
            assertThat(host.exec("sh", "-c", "echo still-here >/root/kept").succeeded()).isTrue();

            host.exec("poweroff");
            var deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
            while (host.currentPid().isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(host.currentPid()).isEmpty();
            assertThat(ssh(OFF_IP, "hostname").succeeded()).isFalse();

            host.powerCycle();
            assertThat(ssh(OFF_IP, "cat /root/kept").stdout().strip()).isEqualTo("still-here");
        }
    }

    private static String hostKey(String ip) {
        var scan = Processes.run(List.of("ssh-keyscan", "-t", "ed25519", ip), null, Duration.ofSeconds(30));
        assertThat(scan.stdout()).as(scan.stderr()).contains("ssh-ed25519");
        return scan.stdout().strip();
    }

    private static String networkNamespaceOf(long pid) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "net")).toString();
    }

    private static List<String> processesIn(String networkNamespace) throws IOException {
        try (var entries = Files.list(Path.of("/proc"))) {
            return entries.filter(entry -> entry.getFileName().toString().matches("\\d+"))
                    .flatMap(entry -> {
                        try {
                            return Files.readSymbolicLink(entry.resolve("ns/net")).toString().equals(networkNamespace)
                                    ? Stream.of(entry + " " + Files.readString(entry.resolve("comm")).strip())
                                    : Stream.empty();
                        } catch (IOException gone) {
                            return Stream.empty();
                        }
                    })
                    .toList();
        }
    }

    private static List<String> processesMentioning(String text) {
        return ProcessHandle.allProcesses()
                .map(process -> process.pid() + " " + process.info().commandLine().orElse(""))
                .filter(line -> line.contains(text))
                .toList();
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
