package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestPostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one fresh database, replica A a process of its own (so it can be killed) and replica B in this
 * JVM. A starts first and claims every segment; once B is live, A lets its extra segments go and B claims them, so
 * each holds half of the machine list's and the machine processes' segments. Then A is killed: after the claim
 * timeout (3 s here) B claims A's segments too, and machines created through B are still carried out and listed.
 */
class SegmentsAcrossReplicasIntegrationTest {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(3);
    private static final List<String> SHARED = List.of("machine-list", "machine-processes");
    private static final List<String> SETTINGS = List.of(
            "--axon.eventhandling.tokenstore.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s",
            "--harbormaster.processors.balance-interval=500ms",
            "--harbormaster.processors.release-for=10s");

    private static TestPostgres.Database database;
    private static ReplicaProcess replicaA;
    private static RunningPlatform replicaB;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.freshDatabase();
        var settings = new ArrayList<>(ReplicaProcess.testSettings(database.url(), database.user(),
                database.password()));
        settings.addAll(SETTINGS);
        replicaA = ReplicaProcess.start("replica-a", Files.createTempDirectory("hm-segments"), settings)
                .awaitReady(Duration.ofMinutes(3));
        var argumentsB = new ArrayList<>(SETTINGS);
        argumentsB.add("--harbormaster.axon.node-id=replica-b");
        replicaB = RunningPlatform.startOn(database, argumentsB.toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws Exception {
        if (replicaB != null) {
            replicaB.close();
        }
        if (replicaA != null) {
            replicaA.kill();
        }
    }

    @Test
    void replicasShareTheSegments_andTheSurvivorTakesOverTheSegmentsOfOneKilled() throws Exception {
        // a fresh database gets each processor's initial segments; A, alone at first, claimed them all
        for (var processor : SHARED) {
            assertThat(owners(processor)).as(processor + "'s segments").hasSize(4);
        }
        assertThat(owners("audit-trail")).as("the audit trail stays in one segment").hasSize(1);

        await("each replica holds half of every shared processor's segments", Duration.ofSeconds(40),
                () -> SHARED.stream().allMatch(processor -> {
                    var counts = countsByOwner(processor);
                    return counts.getOrDefault("replica-a", 0L) == 2 && counts.getOrDefault("replica-b", 0L) == 2;
                }));
        var readiness = replicaB.anonymous().get("/actuator/health/readiness");
        assertThat(readiness.status()).as("B is ready with half the segments: " + readiness.body()).isEqualTo(200);

        var admin = replicaB.admin();
        var team = admin.post("/api/teams", "{\"name\":\"segments\"}");
        assertThat(team.status()).as(team.body()).isEqualTo(201);
        var teamId = team.text("teamId");
        var before = createRunningMachines(admin, teamId, "shared", 4);

        long killedAt = System.nanoTime();
        replicaA.kill();
        assertThat(replicaA.alive()).isFalse();
        await("B holds every segment of the processors A held", Duration.ofSeconds(30),
                () -> SHARED.stream().allMatch(processor -> countsByOwner(processor).getOrDefault("replica-b", 0L)
                        == 4 && isFresh(processor, "replica-b")));
        var takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        System.out.printf("Segments taken over %d ms after replica A was killed (claim timeout %s)%n",
                takeover.toMillis(), CLAIM_TIMEOUT);
        // an idle replica renews its claims about every second, so they ran out up to a second before the claim
        // timeout counted from the kill
        assertThat(takeover).as("takeover after the claim timeout")
                .isGreaterThanOrEqualTo(CLAIM_TIMEOUT.minusMillis(1500));
        // the claim timeout, then an idle thread's next look (every 5 s); a survivor that still counted the dead
        // replica as live would let the segments go again, to nobody, for the release time (10 s here)
        assertThat(takeover).as("takeover within the claim timeout and a claim interval")
                .isLessThan(CLAIM_TIMEOUT.plusSeconds(9));

        var after = createRunningMachines(admin, teamId, "after", 4);
        var list = admin.get("/api/machines?team=" + teamId + "&size=50");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        var rows = new ArrayList<tools.jackson.databind.JsonNode>();
        list.json().path("items").forEach(rows::add);
        assertThat(rows).as(list.body()).hasSize(8);
        for (var row : rows) {
            assertThat(concat(before, after)).contains(row.path("id").asString());
            // the team's name reached every row, whichever segment projected the team and the machine
            assertThat(row.path("teamName").asString()).as(row.toString()).isEqualTo("segments");
            assertThat(row.path("holderName").asString()).as(row.toString()).isEqualTo("admin");
        }
    }

    /** Creates {@code count} machines of the none driver and waits until each is Running (the processes ran). */
    private static List<String> createRunningMachines(ApiClient admin, String teamId, String prefix, int count) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var created = admin.post("/api/machines", BadInputIntegrationTest.machine(teamId, prefix + "-" + i,
                    "none", "tcp://10.213.0.250:2376"));
            assertThat(created.status()).as(created.body()).isEqualTo(202);
            ids.add(created.text("machineId"));
        }
        for (var id : ids) {
            var machine = ApiClient.await(() -> admin.get("/api/machines/" + id),
                    response -> response.status() == 200 && "Running".equals(response.text("state")));
            assertThat(machine.text("state")).isEqualTo("Running");
        }
        return ids;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static List<String> owners(String processor) {
        return replicaB.jdbc().sql("SELECT coalesce(owner, '') FROM token_entry WHERE processor_name = ?")
                .param(processor).query(String.class).list();
    }

    private static Map<String, Long> countsByOwner(String processor) {
        return owners(processor).stream().collect(Collectors.groupingBy(owner -> owner, Collectors.counting()));
    }

    /** Whether {@code owner} renewed its claims on every segment within the claim timeout. */
    private static boolean isFresh(String processor, String owner) {
        return replicaB.jdbc().sql("""
                        SELECT count(*) FROM token_entry WHERE processor_name = ? AND owner = ?
                          AND timestamp::timestamptz > now() - interval '3 seconds'""")
                .params(processor, owner).query(Long.class).single() == 4;
    }

    private static void await(String what, Duration within, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        var deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + within + "; segments now: "
                    + SHARED.stream().map(p -> p + "=" + countsByOwner(p)).toList()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

}
