package io.harbormaster.standalone;

import static io.harbormaster.standalone.TestHostMachines.createRequest;
import static io.harbormaster.standalone.TestHostMachines.history;
import static io.harbormaster.standalone.TestHostMachines.newKey;
import static io.harbormaster.standalone.TestHostMachines.publicKey;
import static io.harbormaster.standalone.TestHostMachines.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten generic machines on ten test hosts, created through the API at the same moment, all reach Running. One machine
 * created alone first gives the time to compare with, split by provisioning step. Prints the times, the platform's
 * memory during the parallel run (it runs in this JVM) and the load of this machine, for the project's report.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParallelCreationIntegrationTest {

    private static final int PARALLEL = 10;
    private static final Duration SETTLES_WITHIN = Duration.ofSeconds(60);
    private static final long MiB = 1024 * 1024;

    @TempDir
    static Path workstation;

    private static final List<TestHost> hosts = Collections.synchronizedList(new ArrayList<>());
    private static RunningPlatform platform;
    private static ApiClient admin;
    private static String team;
    private static String key;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        var file = newKey(workstation, "par-key");
        key = read(file);
        var started = System.nanoTime();
        try (var threads = Executors.newFixedThreadPool(PARALLEL + 1)) {
            var ups = new ArrayList<Future<?>>();
            for (var n = 0; n <= PARALLEL; n++) {
                var name = hostName(n);
                var ip = hostIp(n);
                ups.add(threads.submit(() -> hosts.add(TestHosts.up(name, ip, publicKey(file)))));
            }
            for (var up : ups) {
                up.get();
            }
        }
        report("%d test hosts up in parallel in %s", PARALLEL + 1, seconds(System.nanoTime() - started));
        platform = RunningPlatform.startOnFreshDatabase();
        admin = platform.admin();
        team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
    }

    @AfterAll
    static void stop() {
        TestHostMachines.stopAll(platform, hosts);
    }

    @Test
    @Order(1)
    void oneMachineAlone_reachesRunning_stepByStep() {
        var started = System.nanoTime();
        var id = admin.post("/api/machines", createRequest(team, hostName(0), hostIp(0), key)).text("machineId");
        var machine = TestHostMachines.await(() -> admin.get("/api/machines/" + id),
                r -> List.of("Running", "Error").contains(r.text("state")), SETTLES_WITHIN);
        var elapsed = System.nanoTime() - started;

        assertThat(machine.text("state")).as(history(admin, id).toString()).isEqualTo("Running");
        report("one machine alone: create request to Running in %s (load average %s)", seconds(elapsed), loadAverage());
        var steps = stepDurations(id);
        steps.forEach((step, millis) -> report("  %-28s %6d ms", step, millis));
        assertThat(steps).containsKeys("detect-os", "install-docker", "push-certs", "configure-daemon",
                "restart-docker", "verify");
    }

    @Test
    @Order(2)
    void tenMachinesCreatedAtOnce_allReachRunning() throws Exception {
        var memory = new MemorySampler();
        memory.start();
        var startGate = new CountDownLatch(1);
        var requested = new ConcurrentHashMap<String, Long>();
        var ids = new ArrayList<Future<String>>();
        long started;
        try (var threads = Executors.newFixedThreadPool(PARALLEL)) {
            for (var n = 1; n <= PARALLEL; n++) {
                var name = hostName(n);
                var ip = hostIp(n);
                ids.add(threads.submit(() -> {
                    startGate.await();
                    var client = platform.admin();
                    var sent = System.nanoTime();
                    var created = client.post("/api/machines", createRequest(team, name, ip, key));
                    assertThat(created.status()).as(created.body()).isEqualTo(202);
                    requested.put(created.text("machineId"), sent);
                    return created.text("machineId");
                }));
            }
            started = System.nanoTime();
            startGate.countDown();
        }
        var machineIds = new ArrayList<String>();
        for (var id : ids) {
            machineIds.add(id.get());
        }

        var runningAt = awaitAllSettled(machineIds);
        memory.stop();

        var states = states(machineIds);
        assertThat(states).as(() -> failures(states)).hasSize(PARALLEL).allSatisfy((id, state) ->
                assertThat(state).isEqualTo("Running"));
        var each = machineIds.stream().map(id -> runningAt.get(id) - requested.get(id)).sorted().toList();
        var total = Collections.max(runningAt.values()) - started;
        report("ten machines at once: all Running %s after the first request (load average %s)", seconds(total),
                loadAverage());
        report("  each, create request to Running: min %s, median %s, max %s", seconds(each.getFirst()),
                seconds(each.get(each.size() / 2)), seconds(each.getLast()));
        report("  platform memory during the run: heap used %d MiB before, peak %d MiB (committed %d MiB); "
                        + "process RSS %d MiB before, peak %d MiB", memory.heapBefore / MiB, memory.heapPeak.get() / MiB,
                memory.committedPeak.get() / MiB, memory.rssBefore / MiB, memory.rssPeak.get() / MiB);
        var steps = machineIds.stream().map(ParallelCreationIntegrationTest::stepDurations).toList();
        report("  per step over the ten, median / max:");
        steps.getFirst().keySet().forEach(step -> {
            var times = steps.stream().map(machine -> machine.getOrDefault(step, 0L)).sorted().toList();
            report("  %-28s %6d / %6d ms", step, times.get(times.size() / 2), times.getLast());
        });
    }

    /** Polls the team's machine list until every one is Running or in Error; answers when each was seen Running. */
    private static Map<String, Long> awaitAllSettled(List<String> machineIds) {
        var runningAt = new HashMap<String, Long>();
        var deadline = System.nanoTime() + SETTLES_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            var states = states(machineIds);
            var now = System.nanoTime();
            states.forEach((id, state) -> {
                if ("Running".equals(state)) {
                    runningAt.putIfAbsent(id, now);
                }
            });
            if (states.size() == machineIds.size()
                    && states.values().stream().allMatch(s -> "Running".equals(s) || "Error".equals(s))) {
                break;
            }
            TestHostMachines.pause(Duration.ofMillis(100));
        }
        return runningAt;
    }

    private static Map<String, String> states(List<String> machineIds) {
        var page = admin.get("/api/machines?name=par-.*&size=50").json();
        var states = new HashMap<String, String>();
        page.path("items").forEach(item -> {
            var id = item.path("id").asString();
            if (machineIds.contains(id)) {
                states.put(id, item.path("state").asString());
            }
        });
        return states;
    }

    private static String failures(Map<String, String> states) {
        var text = new StringBuilder("states ").append(states);
        states.forEach((id, state) -> {
            if (!"Running".equals(state)) {
                text.append("\n").append(id).append(": ").append(history(admin, id));
            }
        });
        return text.toString();
    }

    /**
     * How long each part took, from the event store's timestamps, each from the event before: MachineCreated to
     * SshHostKeyPinned (the process picking the event up, the machine's CA and server certificate, the SSH login),
     * then to ProvisioningStarted (reading {@code /etc/os-release}), then each step; and the whole, MachineCreated to
     * MachineProvisioned.
     */
    private static Map<String, Long> stepDurations(String machineId) {
        var events = platform.jdbc().sql("""
                        SELECT payload_type, time_stamp, convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = ? ORDER BY sequence_number""")
                .param(machineId)
                .query((rs, n) -> new TimedEvent(rs.getString(1).substring(rs.getString(1).lastIndexOf('.') + 1),
                        Instant.parse(rs.getString(2)), rs.getString(3)))
                .list();
        var durations = new LinkedHashMap<String, Long>();
        Instant created = null;
        Instant previous = null;
        for (var event : events) {
            switch (event.type()) {
                case "MachineCreated" -> created = event.at();
                case "SshHostKeyPinned" -> durations.put("pick-up, certificates, SSH login",
                        Duration.between(created, event.at()).toMillis());
                case "ProvisioningStarted" -> durations.put("OS detected (started)",
                        Duration.between(previous, event.at()).toMillis());
                case "ProvisioningStepCompleted" -> durations.put(event.step(),
                        Duration.between(previous, event.at()).toMillis());
                case "MachineProvisioned" -> durations.put("created to provisioned",
                        Duration.between(created, event.at()).toMillis());
                default -> {
                    continue;
                }
            }
            previous = event.at();
        }
        return durations;
    }

    private record TimedEvent(String type, Instant at, String payload) {

        String step() {
            var at = payload.indexOf("\"step\":\"");
            return payload.substring(at + 8, payload.indexOf('"', at + 8));
        }
    }

    /** Samples the heap in use and the process's resident set every 100 ms; the platform runs in this JVM. */
    private static final class MemorySampler {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong heapPeak = new AtomicLong();
        private final AtomicLong committedPeak = new AtomicLong();
        private final AtomicLong rssPeak = new AtomicLong();
        private final long heapBefore = heapUsed();
        private final long rssBefore = rss();
        private Thread thread;

        void start() {
            thread = Thread.ofPlatform().daemon().name("memory-sampler").start(() -> {
                while (running.get()) {
                    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                    heapPeak.accumulateAndGet(heap.getUsed(), Math::max);
                    committedPeak.accumulateAndGet(heap.getCommitted(), Math::max);
                    rssPeak.accumulateAndGet(rss(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        private static long heapUsed() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        /** VmRSS from /proc/self/status, in bytes. */
        private static long rss() {
            try {
                return Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(line -> line.startsWith("VmRSS:"))
                        .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                        .findFirst().orElse(0L);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String hostName(int n) {
        return "par-%02d".formatted(n);
    }

    /** par-00 (the machine alone) at 10.213.0.43, par-01 to par-10 at 10.213.0.44 to 10.213.0.53. */
    private static String hostIp(int n) {
        return "10.213.0." + (43 + n);
    }

    private static String loadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", fields[0], fields[1], fields[2]) + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static void report(String format, Object... args) {
        System.out.println("[parallel-creation] " + format.formatted(args));
    }
}
