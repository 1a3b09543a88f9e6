package io.harbormaster.standalone;

import io.harbormaster.command.process.provisioning.ProvisioningStepTimes;
import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Request to Running of a generic machine on a test host that has Docker Engine running (a cloud image that ships
 * Docker), K machines created one after another on K fresh hosts, and where each creation's time went: the
 * platform's own per-step timers ({@link ProvisioningStepTimes}, read before and after each creation, so each
 * machine's share is exact) and what is left outside them (the create request, the completion's event and the query
 * side's projection, this benchmark's 20 ms polling). Run by hand through
 * {@code infra/standalone/provisioning-benchmark.sh}, never by the build; it prints figures and asserts nothing but
 * that every machine got to Running. Arguments (optional): {@code machines=5} and {@code first=192}: the hosts use
 * 10.213.0.{first} onwards, within 10.213.0.192 to 10.213.0.198, so two builds can be measured side by side under
 * the same load on hosts of their own.
 */
public final class ProvisioningLatencyBenchmark {

    private static final int FIRST_ADDRESS = 192;
    private static final int MAX_MACHINES = 7;
    private static final Duration POLL = Duration.ofMillis(20);
    private static final String TOTAL = "request → Running";
    private static final String OUTSIDE = "outside the steps";

    private ProvisioningLatencyBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, given -> {
            var first = Math.clamp(HmCliBenchmark.intArg(given, "first", FIRST_ADDRESS), FIRST_ADDRESS,
                    FIRST_ADDRESS + MAX_MACHINES - 1);
            run(first, Math.clamp(HmCliBenchmark.intArg(given, "machines", 5), 1,
                    FIRST_ADDRESS + MAX_MACHINES - first));
        });
    }

    private static void run(int first, int machines) throws Exception {
        if (!TestHosts.available()) {
            System.out.println("provisioning: skipped, test hosts unavailable: " + TestHosts.unavailableReason());
            return;
        }
        var work = Files.createTempDirectory("provisioning-benchmark");
        var key = TestHostMachines.newKey(work, "bench_ed25519");
        var hosts = new ArrayList<TestHost>();
        RunningPlatform platform = null;
        try {
            for (int i = 0; i < machines; i++) {
                hosts.add(TestHosts.up("prov-bench-" + (first + i), "10.213.0." + (first + i),
                        TestHostMachines.publicKey(key), true));
            }
            platform = RunningPlatform.startOnFreshDatabase();
            var meters = platform.bean(MeterRegistry.class);
            var admin = platform.admin();
            var team = admin.post("/api/teams", "{\"name\":\"prov-bench\"}").text("teamId");
            var privateKey = TestHostMachines.read(key);
            var runs = new ArrayList<Map<String, Double>>();
            for (int i = 0; i < machines; i++) {
                var before = stepSeconds(meters);
                var started = System.nanoTime();
                var created = admin.post("/api/machines", TestHostMachines.createRequest(team, "prov-" + i,
                        hosts.get(i).ip(), privateKey));
                if (created.status() != 202) {
                    throw new IllegalStateException("create refused: " + created.status() + " " + created.body());
                }
                var id = created.text("machineId");
                var settled = TestHostMachines.await(() -> admin.get("/api/machines/" + id),
                        r -> List.of("Running", "Error").contains(r.text("state")), Duration.ofSeconds(120), POLL);
                var total = (System.nanoTime() - started) / 1e9;
                if (!"Running".equals(settled.text("state"))) {
                    throw new IllegalStateException("prov-" + i + " is " + settled.text("state") + ": "
                            + TestHostMachines.history(admin, id));
                }
                var run = new LinkedHashMap<String, Double>();
                run.put(TOTAL, total);
                var after = stepSeconds(meters);
                var inside = 0.0;
                for (var step : after.keySet()) {
                    var seconds = after.get(step) - before.getOrDefault(step, 0.0);
                    run.put(step, seconds);
                    inside += seconds;
                }
                run.put(OUTSIDE, total - inside);
                runs.add(run);
                System.out.printf(Locale.ROOT, "prov-%d: %.3f s%n", i, total);
            }
            print(runs, machines);
        } finally {
            TestHostMachines.stopAll(platform, hosts);
        }
    }

    /** Each step's total so far, in seconds. */
    private static Map<String, Double> stepSeconds(MeterRegistry meters) {
        var totals = new LinkedHashMap<String, Double>();
        for (var timer : meters.find(ProvisioningStepTimes.METER).timers()) {
            totals.put(timer.getId().getTag("step"), timer.totalTime(TimeUnit.NANOSECONDS) / 1e9);
        }
        return totals;
    }

    private static void print(List<Map<String, Double>> runs, int machines) {
        var steps = new ArrayList<>(List.of(TOTAL, ProvisioningStepTimes.PICKUP, ProvisioningStepTimes.CERTIFICATES,
                ProvisioningStepTimes.SSH_CONNECT));
        runs.getFirst().keySet().stream().filter(step -> !steps.contains(step) && !OUTSIDE.equals(step))
                .forEach(steps::add);
        steps.add(OUTSIDE);
        System.out.printf(Locale.ROOT, "%n%d generic creations one after another, Docker Engine running on each host%n",
                machines);
        System.out.printf(Locale.ROOT, "%-22s %9s %9s %9s%n", "step", "min", "median", "max");
        for (var step : steps) {
            var values = runs.stream().mapToDouble(run -> run.getOrDefault(step, 0.0)).toArray();
            Arrays.sort(values);
            System.out.printf(Locale.ROOT, "%-22s %7.3f s %7.3f s %7.3f s%n", step, values[0],
                    values[values.length / 2], values[values.length - 1]);
        }
        System.out.printf(Locale.ROOT, "load average %s on %d cores%n", loadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static String loadAverage() {
        try {
            var fields = Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
