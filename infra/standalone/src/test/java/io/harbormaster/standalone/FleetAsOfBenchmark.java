package io.harbormaster.standalone;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Time of {@code GET /api/teams/{id}/fleet?at=} for a team whose machines' events fill the event store: half the
 * machines are created, the instant is taken, the other half are created, then the view is asked for at that instant
 * and at now (both replay every event of the team's machines). Run by hand through
 * {@code infra/standalone/fleet-benchmark.sh}, never by the build; it prints figures and asserts nothing.
 *
 * <p>Arguments (all optional): {@code machines=10000 runs=10}.
 */
public final class FleetAsOfBenchmark {

    private FleetAsOfBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, FleetAsOfBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        var machines = HmCliBenchmark.intArg(args, "machines", 10_000);
        var runs = HmCliBenchmark.intArg(args, "runs", 10);
        try (var platform = RunningPlatform.startOnFreshDatabase()) {
            var admin = platform.admin();
            var team = admin.post("/api/teams", "{\"name\":\"bench\"}").text("teamId");
            var adminId = platform.jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'admin'")
                    .query(String.class).single();
            HmCliBenchmark.createNoneMachines(platform, team, adminId, machines / 2, 1);
            HmCliBenchmark.awaitListed(platform, machines / 2);
            HmCliBenchmark.awaitQuiet(platform);
            var middle = Instant.now();
            HmCliBenchmark.createNoneMachines(platform, team, adminId, machines - machines / 2, machines / 2 + 1);
            HmCliBenchmark.awaitListed(platform, machines);
            HmCliBenchmark.awaitQuiet(platform);
            var events = platform.jdbc().sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
            System.out.printf(Locale.ROOT, "%d machines, %d events in the store%n", machines, events);

            var fleetThen = admin.get("/api/teams/" + team + "/fleet?at=" + middle).json();
            System.out.printf(Locale.ROOT, "at the middle: %d machines, %d changes since%n",
                    fleetThen.path("machines").size(), fleetThen.path("changes").size());
            report("fleet at the middle instant", runs, () -> admin.get("/api/teams/" + team + "/fleet?at=" + middle));
            report("fleet at now", runs, () -> admin.get("/api/teams/" + team + "/fleet?at=" + Instant.now()));
            report("live list, first page (for comparison)", runs, () -> admin.get("/api/machines?team=" + team));
        }
    }

    private static void report(String what, int runs, java.util.function.Supplier<ApiClient.Response> call) {
        var seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            var started = System.nanoTime();
            var response = call.get();
            seconds[i] = (System.nanoTime() - started) / 1e9;
            if (response.status() != 200) {
                throw new IllegalStateException(what + ": HTTP " + response.status() + " " + response.body());
            }
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "%-40s median %.3f s  min %.3f s  max %.3f s  (%d runs)%n", what,
                seconds[runs / 2], seconds[0], seconds[runs - 1], runs);
    }
}
