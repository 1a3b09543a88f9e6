package io.harbormaster.standalone;

import io.harbormaster.testing.DockerMachineStoreWriter;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;

/**
 * Wall time of {@code hm import} per machine against the whole platform (embedded sealed secret store, PostgreSQL as
 * the tests use it): a store of generic machines written as docker-machine writes them (RSA-2048 certificates, an SSH
 * key each), imported one {@code hm import NAME} process per machine (what a user waits for, JVM start included), then
 * all the others in one {@code hm import} (the per-machine share of a whole store). The machines' addresses are in
 * TEST-NET-1 (192.0.2.0/24, allowed for this run only) with an engine port each: an import contacts no host, so
 * nothing answers there and nothing needs to. Run by hand through {@code infra/standalone/import-benchmark.sh}, never
 * by the build; it prints figures and asserts nothing.
 *
 * <p>Arguments (all optional): {@code machines=40 single=20}.
 */
public final class HmImportBenchmark {

    private HmImportBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, a -> run(intArg(a, "machines", 40), intArg(a, "single", 20)));
    }

    private static void run(int machines, int single) throws Exception {
        var work = Files.createTempDirectory("hm-import-benchmark");
        var user = new HmWorkstation(Files.createDirectories(work.resolve("bench-laptop")));
        var key = TestHostMachines.newKey(work, "id_ed25519");
        var store = DockerMachineStoreWriter.create(user.home().resolve(".docker/machine"), "bench");
        var engine = new DockerMachineStoreWriter.Engine(java.util.List.of("log-level=warn"),
                java.util.List.of("team=bench"), java.util.List.of(), java.util.List.of(), java.util.List.of(), "",
                "https://get.docker.com", java.util.List.of());
        for (int i = 1; i <= machines; i++) {
            store.generic("bench-" + i, "192.0.2.10", "root", 22, key, engine);
            var config = store.store().resolve("machines/bench-" + i + "/config.json");
            // one daemon per machine: an engine port each, so no import finds its daemon already managed
            Files.writeString(config, Files.readString(config).replace("\"EnginePort\": 2376",
                    "\"EnginePort\": " + (20_000 + i)));
        }
        try {
            measure(user, store, machines, single);
        } finally {
            // the store holds private keys: nothing of it stays behind
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void measure(HmWorkstation user, DockerMachineStoreWriter store, int machines, int single)
            throws Exception {
        try (var platform = RunningPlatform.startOnFreshDatabase("--harbormaster.network.allow=192.0.2.0/24")) {
            var admin = platform.admin();
            admin.post("/api/teams", "{\"name\":\"bench\"}");
            require(user.hmWithInput(RunningPlatform.ADMIN_PASSWORD + "\n", "login", platform.baseUrl(), "-u", "admin",
                    "--password-stdin"));
            System.out.printf(Locale.ROOT, "hm launcher: %s%n", HmWorkstation.launcherTarget());
            // one warm-up, as the first request of a fresh platform pays for its class loading
            require(user.hm("import", "--team", "bench", "--dry-run", "bench-1"));

            var seconds = new double[single];
            for (int i = 0; i < single; i++) {
                var started = System.nanoTime();
                require(user.hm("import", "--team", "bench", "bench-" + (i + 1)));
                seconds[i] = (System.nanoTime() - started) / 1e9;
            }
            report("hm import NAME (one process per machine)", seconds);

            var rest = machines - single;
            if (rest > 0) {
                var arguments = new java.util.ArrayList<>(java.util.List.of("import", "--team", "bench"));
                for (int i = single + 1; i <= machines; i++) {
                    arguments.add("bench-" + i);
                }
                var started = System.nanoTime();
                var run = require(user.hm(arguments.toArray(String[]::new)));
                var total = (System.nanoTime() - started) / 1e9;
                var imported = run.out().lines().filter(line -> line.startsWith("imported ")).count();
                System.out.printf(Locale.ROOT, "%-45s %.3f s per machine  (%d in one run of %.2f s)%n",
                        "hm import NAME... (the rest, one process)", total / imported, imported, total);
            }
        }
    }

    private static void report(String what, double[] seconds) {
        Arrays.sort(seconds);
        var runs = seconds.length;
        System.out.printf(Locale.ROOT, "%-45s median %.3f s  min %.3f s  max %.3f s  (%d machines)%n", what,
                seconds[runs / 2], seconds[0], seconds[runs - 1], runs);
    }

    private static HmWorkstation.Run require(HmWorkstation.Run run) {
        if (run.exitCode() != 0) {
            throw new IllegalStateException("hm failed (" + run.exitCode() + "): " + run.out() + run.err());
        }
        return run;
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(name + "=")).findFirst()
                .map(a -> Integer.parseInt(a.substring(name.length() + 1))).orElse(fallback);
    }
}
