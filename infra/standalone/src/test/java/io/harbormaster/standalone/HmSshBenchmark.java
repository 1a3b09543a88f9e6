package io.harbormaster.standalone;

import io.harbormaster.testing.TestHosts;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Wall time of {@code hm ssh NAME true} (the built launcher, a fresh process each time: start-up, the machine by
 * name, a certificate signed and recorded, then ssh) against the whole platform and a generic machine on a test host,
 * and of the same login with the plain {@code ssh} and a certificate hm fetched, which is what hm adds to; start-up
 * alone and {@code hm env} (two requests) give the scale of a busy machine. Run by
 * hand through {@code infra/standalone/hm-ssh-benchmark.sh}, never by the build; it prints figures and asserts
 * nothing. Arguments (optional): {@code runs=20}.
 */
public final class HmSshBenchmark {

    private static final String HOST_IP = "10.213.0.204";

    private HmSshBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, given -> run(HmCliBenchmark.intArg(given, "runs", 20)));
    }

    private static void run(int runs) throws Exception {
        if (!TestHosts.available()) {
            System.out.println("hm ssh: skipped, test hosts unavailable: " + TestHosts.unavailableReason());
            return;
        }
        var work = Files.createTempDirectory("hm-ssh-benchmark");
        var key = TestHostMachines.newKey(work, "bench_ed25519");
        try (var host = TestHosts.up("ssc-bench", HOST_IP, TestHostMachines.publicKey(key));
             var platform = RunningPlatform.startOnFreshDatabase()) {
            var user = new HmWorkstation(Files.createDirectories(work.resolve("bench-laptop")));
            require(user.hmWithInput(RunningPlatform.ADMIN_PASSWORD + "\n", "login", platform.baseUrl(), "-u",
                    "admin", "--password-stdin"));
            require(user.hm("create", "-d", "generic", "--team", "default", "--generic-ip-address", HOST_IP,
                    "--generic-ssh-key", key.toString(), "bench-ssh"));
            System.out.printf(Locale.ROOT, "hm launcher: %s%n", HmWorkstation.launcherTarget());
            // the first run makes the workstation's key and fetches the host key once
            require(user.hm("ssh", "bench-ssh", "true"));
            var id = platform.admin().get("/api/machines/by-name?name=bench-ssh").text("id");
            var folder = user.home().resolve(".config/harbormaster/ssh");
            var plainSsh = List.of("ssh", "-F", "/dev/null", "-i", folder.resolve("id_ed25519").toString(),
                    "-o", "CertificateFile=" + folder.resolve("certificates/" + id + "-cert.pub"),
                    "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile=" + folder.resolve("known_hosts"),
                    "-o", "HostKeyAlias=hm-" + id, "-o", "StrictHostKeyChecking=yes", "root@" + HOST_IP, "true");

            report("hm ssh bench-ssh true", runs, () -> require(user.hm("ssh", "bench-ssh", "true")));
            // the certificate of the last hm ssh, valid for 5 minutes: enough for these runs
            report("ssh with hm's key and certificate, true", runs,
                    () -> require(user.runIn(user.home(), plainSsh, "")));
            // for scale: start-up alone, and a verb of two requests whose figure docs/cli.md has
            report("hm version --client (start-up alone)", runs, () -> require(user.hm("version", "--client")));
            require(user.hm("env", "bench-ssh"));
            report("hm env bench-ssh (certificate cached)", runs, () -> require(user.hm("env", "bench-ssh")));
        }
    }

    private static void report(String what, int runs, Supplier<HmWorkstation.Run> call) {
        var seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            var started = System.nanoTime();
            call.get();
            seconds[i] = (System.nanoTime() - started) / 1e9;
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "%-42s min %.3f s  median %.3f s  max %.3f s  (%d runs)%n", what,
                seconds[0], seconds[runs / 2], seconds[runs - 1], runs);
    }

    private static HmWorkstation.Run require(HmWorkstation.Run run) {
        if (run.exitCode() != 0) {
            throw new IllegalStateException("failed (" + run.exitCode() + "): " + run.err());
        }
        return run;
    }
}
