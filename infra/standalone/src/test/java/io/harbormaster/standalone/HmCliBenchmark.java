package io.harbormaster.standalone;

import io.harbormaster.api.machine.CreateMachineCommand;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.testing.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Wall time of {@code hm} as a user runs it (the built launcher, a fresh process each time) against the whole
 * platform: {@code hm env NAME} with a cached certificate, {@code hm ls} with a large team, and {@code hm create} of a
 * generic machine on a test host until {@code Running} (when test hosts are available). Run by hand through
 * {@code infra/standalone/hm-benchmark.sh}, never by the build; it prints figures and asserts nothing. It lives beside
 * the end-to-end tests because it reuses their platform and workstation fixtures.
 *
 * <p>Arguments (all optional): {@code machines=10000 runs=20}.
 */
public final class HmCliBenchmark {

    private HmCliBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, HmCliBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        var machines = intArg(args, "machines", 10_000);
        var runs = intArg(args, "runs", 20);
        var work = Files.createTempDirectory("hm-benchmark");
        try (var platform = RunningPlatform.startOnFreshDatabase()) {
            var admin = platform.admin();
            var team = admin.post("/api/teams", "{\"name\":\"bench\"}").text("teamId");
            var adminId = platform.jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'admin'")
                    .query(String.class).single();
            var user = new HmWorkstation(Files.createDirectories(work.resolve("bench-laptop")));
            require(user.hmWithInput(RunningPlatform.ADMIN_PASSWORD + "\n", "login", platform.baseUrl(), "-u", "admin",
                    "--password-stdin"));

            System.out.printf(Locale.ROOT, "hm launcher: %s%n", HmWorkstation.launcherTarget());
            var created = createNoneMachines(platform, team, adminId, machines);
            System.out.printf(Locale.ROOT, "created %d none machines in %.1f s (through the command gateway)%n",
                    machines, created.toMillis() / 1000.0);
            awaitListed(platform, machines);
            awaitQuiet(platform);

            require(user.hm("env", "m-1"));
            report("hm env m-1 (certificate cached)", runs, () -> require(user.hm("env", "m-1")));
            // on a terminal a table shows the first page; into a pipe every machine is listed
            report("hm ls on a terminal (first page of " + machines + ")", runs,
                    () -> require(user.runIn(user.home(), List.of("script", "-qec", "hm ls", "/dev/null"), "")));
            report("hm ls into a pipe (all " + machines + " rows)", Math.min(runs, 5), () -> require(user.hm("ls")));
            report("hm ls -q (all names)", Math.min(runs, 5), () -> require(user.hm("ls", "-q")));
            report("hm version --client (no server)", runs, () -> require(user.hm("version", "--client")));

            if (TestHosts.available()) {
                createGeneric(user, work, Math.min(runs, 3));
            } else {
                System.out.println("hm create generic: skipped, test hosts unavailable: "
                        + TestHosts.unavailableReason());
            }
        }
    }

    static Duration createNoneMachines(RunningPlatform platform, String team, String holder, int count)
            throws InterruptedException {
        return createNoneMachines(platform, team, holder, count, 1);
    }

    /** Creates {@code count} none machines named {@code m-<first>}, {@code m-<first + 1>}, ..., eight at a time. */
    static Duration createNoneMachines(RunningPlatform platform, String team, String holder, int count, int first)
            throws InterruptedException {
        var commands = platform.bean(CommandGateway.class);
        var next = new AtomicInteger(first);
        var last = first + count - 1;
        var started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) <= last) {
                        commands.sendAndWait(new CreateMachineCommand(MachineId.random(), TeamId.of(team),
                                MachineName.of("m-" + i), "none",
                                new DriverOptions(Map.of("url", "tcp://127.0.0.1:" + (20000 + i % 1000))),
                                UserId.of(holder)), 30, TimeUnit.SECONDS);
                    }
                    return null;
                });
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static void awaitListed(RunningPlatform platform, int count) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (platform.jdbc().sql("SELECT count(*) FROM rm_machine").query(Long.class).single() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the machine list did not reach " + count + " rows in 10 minutes");
            }
            Thread.sleep(500);
        }
    }

    /**
     * Waits until the audit trail stops growing: the machines' processes and every projection have caught up, so the
     * figures measure hm and the server's answers, not a platform still busy with 10,000 creations.
     */
    static void awaitQuiet(RunningPlatform platform) throws InterruptedException {
        long previous = -1;
        while (true) {
            long now = platform.jdbc().sql("SELECT count(*) FROM rm_audit_entry").query(Long.class).single();
            if (now == previous) {
                return;
            }
            previous = now;
            Thread.sleep(3000);
        }
    }

    private static void createGeneric(HmWorkstation user, Path work, int runs) {
        var key = TestHostMachines.newKey(work, "bench_ed25519");
        var times = new ArrayList<Double>();
        for (int i = 0; i < runs; i++) {
            var ip = "10.213.0." + (170 + i);
            try (var host = TestHosts.up("hmbench" + i, ip, TestHostMachines.publicKey(key))) {
                var started = System.nanoTime();
                require(user.hm("create", "-d", "generic", "--team", "bench", "--generic-ip-address", ip,
                        "--generic-ssh-key", key.toString(), "bench-generic-" + i));
                times.add((System.nanoTime() - started) / 1e9);
                require(user.hm("rm", "-y", "-f", "bench-generic-" + i));
            }
        }
        System.out.printf(Locale.ROOT, "hm create -d generic, command to Running: %s s%n", times.stream()
                .map(t -> String.format(Locale.ROOT, "%.2f", t)).toList());
    }

    private static void report(String what, int runs, Supplier<HmWorkstation.Run> call) {
        var seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            var started = System.nanoTime();
            call.get();
            seconds[i] = (System.nanoTime() - started) / 1e9;
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "%-45s median %.3f s  p90 %.3f s  min %.3f s  max %.3f s  (%d runs)%n", what,
                seconds[runs / 2], seconds[(int) Math.ceil(runs * 0.9) - 1], seconds[0], seconds[runs - 1], runs);
    }

    private static HmWorkstation.Run require(HmWorkstation.Run run) {
        if (run.exitCode() != 0) {
            throw new IllegalStateException("hm failed (" + run.exitCode() + "): " + run.err());
        }
        return run;
    }

    static int intArg(String[] args, String name, int fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(name + "=")).findFirst()
                .map(a -> Integer.parseInt(a.substring(name.length() + 1))).orElse(fallback);
    }

}
