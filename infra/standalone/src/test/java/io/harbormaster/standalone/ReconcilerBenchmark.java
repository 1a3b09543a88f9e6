package io.harbormaster.standalone;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the reconciler costs with a large idle fleet: the platform's JVM and PostgreSQL's CPU time, PostgreSQL's
 * commits, and the reconciler's own meters over a window of whole cycles, once with every machine reported every
 * cycle ({@code harbormaster.reconciler.full-every=1}, what each pass did before reports followed changes) and once
 * with the defaults, and with the reconciler off for the platform's own idle cost. Nothing else runs in the platform
 * meanwhile. The fleet is {@code none} machines whose daemon
 * ports do not answer (each check is a refused loopback connection), so it costs no test host. Run by hand through
 * {@code infra/standalone/reconciler-benchmark.sh}, never by the build; it prints figures and asserts nothing.
 *
 * <p>Arguments (all optional): {@code machines=10000 interval=30 cycles=3 modes=off,full-every-1,default};
 * {@code off} is the same platform idle with the reconciler off, the baseline the others are compared with.
 */
public final class ReconcilerBenchmark {

    private ReconcilerBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, ReconcilerBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        var machines = HmCliBenchmark.intArg(args, "machines", 10_000);
        var interval = HmCliBenchmark.intArg(args, "interval", 30);
        var cycles = HmCliBenchmark.intArg(args, "cycles", 3);
        var modes = java.util.Arrays.stream(args).filter(a -> a.startsWith("modes=")).findFirst()
                .map(a -> a.substring("modes=".length())).orElse("off,full-every-1,default").split(",");
        var database = io.harbormaster.testing.TestPostgres.freshDatabase();
        try (var platform = RunningPlatform.startOn(database)) {
            var admin = platform.admin();
            var team = admin.post("/api/teams", "{\"name\":\"fleet\"}").text("teamId");
            var adminId = platform.jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'admin'")
                    .query(String.class).single();
            var took = HmCliBenchmark.createNoneMachines(platform, team, adminId, machines);
            HmCliBenchmark.awaitListed(platform, machines);
            HmCliBenchmark.awaitQuiet(platform);
            System.out.printf(Locale.ROOT, "%d machines created in %.1f s%n", machines, took.toMillis() / 1e3);
        }
        for (var mode : modes) {
            var fullEvery = mode.equals("full-every-1") ? "1" : "10";
            // "off": the platform idle without a reconciler, what the other modes are compared with
            try (var platform = RunningPlatform.startOn(database, "--harbormaster.reconciler.interval="
                    + (mode.equals("off") ? 0 : interval) + "s", "--harbormaster.reconciler.full-every=" + fullEvery)) {
                // the first cycle reports every machine (nothing is remembered yet): measure the ones after it
                Thread.sleep(TimeUnit.SECONDS.toMillis(interval * 2L + 5));
                var meters = platform.bean(MeterRegistry.class);
                var before = Sample.take(platform, meters);
                Thread.sleep(TimeUnit.SECONDS.toMillis((long) interval * cycles));
                var after = Sample.take(platform, meters);
                var seconds = (after.nanos() - before.nanos()) / 1e9;
                var javaCpu = (after.javaCpuNanos() - before.javaCpuNanos()) / 1e9;
                var postgresCpu = (after.postgresCpuTicks() - before.postgresCpuTicks()) / 100.0;
                System.out.printf(Locale.ROOT, "%s, %d machines, interval %d s, over %.0f s: java %.1f CPU-s "
                                + "(%.1f %% of a core), PostgreSQL %.1f CPU-s (%.1f %%), together %.1f %% of a core; "
                                + "%d commits; %d machines checked, %d reported; cycle %.1f s, check mean %.2f ms%n",
                        mode, machines, interval, seconds, javaCpu, 100 * javaCpu / seconds, postgresCpu,
                        100 * postgresCpu / seconds, 100 * (javaCpu + postgresCpu) / seconds,
                        after.commits() - before.commits(), (long) (after.checked() - before.checked()),
                        (long) (after.reported() - before.reported()),
                        meters.timer("harbormaster.reconciler.pass").max(TimeUnit.SECONDS),
                        meters.timer("harbormaster.reconciler.check").mean(TimeUnit.MILLISECONDS));
            }
        }
    }

    /** CPU time so far of this JVM and of every PostgreSQL process on the machine, and counters. */
    private record Sample(long nanos, long javaCpuNanos, long postgresCpuTicks, long commits, double checked,
                          double reported) {

        static Sample take(RunningPlatform platform, MeterRegistry meters) throws IOException {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var commits = platform.jdbc().sql("SELECT xact_commit FROM pg_stat_database WHERE datname = "
                    + "current_database()").query(Long.class).single();
            var dataDirectory = platform.jdbc().sql("SELECT setting FROM pg_settings WHERE name = 'data_directory'")
                    .query(String.class).single();
            var postmaster = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).getFirst()
                    .strip());
            return new Sample(System.nanoTime(), os.getProcessCpuTime(), postgresTicks(postmaster), commits,
                    meters.counter("harbormaster.reconciler.checked").count(),
                    meters.counter("harbormaster.reconciler.reported").count());
        }

        /**
         * utime + stime of the server's postmaster and its children (not other PostgreSQL servers on the machine), in
         * clock ticks (100 per second on Linux).
         */
        private static long postgresTicks(long postmaster) throws IOException {
            long ticks = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (var dir : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        var stat = Files.readString(dir.resolve("stat"));
                        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        var pid = Long.parseLong(dir.getFileName().toString());
                        if (pid != postmaster && Long.parseLong(fields[1]) != postmaster) {
                            continue;
                        }
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    } catch (IOException | RuntimeException gone) {
                        // the process ended between the listing and the read
                    }
                }
            }
            return ticks;
        }
    }
}
