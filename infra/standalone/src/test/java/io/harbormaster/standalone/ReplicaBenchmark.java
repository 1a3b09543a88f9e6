package io.harbormaster.standalone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figures with replicas (docs/performance.md, "Replicas"): for one, two and three replica processes behind Debian's
 * HAProxy on one PostgreSQL ({@link ReplicaCluster}), the repository's load generator sends lifecycle commands through
 * the load balancer, while each replica's CPU time and memory are read from /proc. With two or more, the replica
 * holding the machine list's first segment is then killed (SIGKILL), and the benchmark times how long until a
 * machine created through the load balancer shows in the list again: the take-over of a dead replica's work.
 *
 * <p>Arguments (all optional): {@code replicas=1,2,3 clients=8 requests=1500 seconds=60}. Run it with
 * {@code infra/standalone/replica-benchmark.sh}.
 */
public final class ReplicaBenchmark {

    private ReplicaBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, ReplicaBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        var options = new HashMap<String, String>();
        for (var arg : args) {
            var at = arg.indexOf('=');
            options.put(arg.substring(0, at), arg.substring(at + 1));
        }
        var clients = options.getOrDefault("clients", "8");
        var requests = options.getOrDefault("requests", "1500");
        var seconds = options.getOrDefault("seconds", "60");
        for (var count : options.getOrDefault("replicas", "1,2,3").split(",")) {
            var replicas = Integer.parseInt(count);
            System.out.printf(Locale.ROOT, "%n=== %d replica(s) behind HAProxy, one PostgreSQL, %d cores ===%n",
                    replicas, Runtime.getRuntime().availableProcessors());
            var started = System.nanoTime();
            try (var cluster = ReplicaCluster.start(replicas, "--logging.level.root=WARN")) {
                System.out.printf(Locale.ROOT, "started and ready together in %.1f s%n",
                        (System.nanoTime() - started) / 1e9);
                var cpuBefore = cpu(cluster);
                var postgresBefore = cluster.database().cpuSeconds();
                var generatorBefore = ownCpuSeconds();
                var wallBefore = System.nanoTime();
                ApiLoadGenerator.run(new String[] {"url=" + cluster.balancer().url(),
                        "password=" + cluster.adminPassword(), "scenario=lifecycle", "clients=" + clients,
                        "requests=" + requests, "seconds=" + seconds});
                var wall = (System.nanoTime() - wallBefore) / 1e9;
                var cpuAfter = cpu(cluster);
                System.out.printf(Locale.ROOT, "PostgreSQL: %.0f%% of a core; the load generator (this JVM): %.0f%%%n",
                        100 * (cluster.database().cpuSeconds() - postgresBefore) / wall,
                        100 * (ownCpuSeconds() - generatorBefore) / wall);
                for (var replica : cluster.replicas()) {
                    var used = cpuAfter.get(replica.name()) - cpuBefore.get(replica.name());
                    System.out.printf(Locale.ROOT, "%s: %.0f%% of a core during the load (warm-up included), RSS "
                            + "%d MiB%n", replica.name(), 100 * used / wall, replica.residentBytes() >> 20);
                }
                if (replicas > 1) {
                    takeOver(cluster);
                }
            }
        }
    }

    private static Map<String, Double> cpu(ReplicaCluster cluster) {
        var cpu = new HashMap<String, Double>();
        cluster.replicas().forEach(replica -> cpu.put(replica.name(), replica.cpuSeconds()));
        return cpu;
    }

    private static double ownCpuSeconds() {
        var bean = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return bean.getProcessCpuTime() / 1e9;
    }

    /**
     * Kills the replica projecting the machine list's first segment; times until every segment it held is claimed
     * by a survivor, and until a machine created through the load balancer after the kill is listed.
     */
    private static void takeOver(ReplicaCluster cluster) {
        var admin = cluster.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        var victim = cluster.owner("machine-list", 0).orElseThrow();
        var held = cluster.jdbc().sql("SELECT count(*) FROM token_entry WHERE owner = ?").param(victim.name())
                .query(Long.class).single();
        victim.kill();
        var killed = System.nanoTime();
        var watcher = Thread.ofVirtual().start(() -> {
            while (cluster.jdbc().sql("SELECT count(*) FROM token_entry WHERE owner = ?").param(victim.name())
                    .query(Long.class).single() > 0) {
                ReplicaProcess.pause(100);
            }
            System.out.printf(Locale.ROOT, "take-over: the %d segments %s held were all claimed by survivors %.1f s "
                    + "after the kill%n", held, victim.name(), (System.nanoTime() - killed) / 1e9);
        });
        var id = TestHostMachines.await(() -> admin.post("/api/machines", """
                        {"team":"%s","name":"after-kill","driver":"none","driverOptions":{"url":"tcp://10.213.0.85:2376"}}"""
                        .formatted(team)), r -> r.status() == 202, Duration.ofSeconds(60)).text("machineId");
        var accepted = System.nanoTime();
        TestHostMachines.await(() -> admin.get("/api/machines/" + id), r -> r.status() == 200,
                Duration.ofMinutes(2));
        var listed = System.nanoTime();
        try {
            watcher.join(Duration.ofMinutes(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var owners = new ArrayList<String>(cluster.jdbc().sql("SELECT DISTINCT owner FROM token_entry "
                + "WHERE owner IS NOT NULL").query(String.class).list());
        System.out.printf(Locale.ROOT, "take-over: %s killed; a create through the load balancer answered 202 after "
                        + "%.1f s; the machine listed %.1f s after the kill; claims now held by %s%n", victim.name(),
                (accepted - killed) / 1e9, (listed - killed) / 1e9, List.copyOf(owners));
    }
}
