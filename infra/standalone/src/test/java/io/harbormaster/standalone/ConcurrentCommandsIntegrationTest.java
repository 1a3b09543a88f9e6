package io.harbormaster.standalone;

import static io.harbormaster.standalone.ApiClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two people acting on one machine at the same moment: exactly one change wins, the other gets a clear conflict,
 * and the event stream of the machine has no gap and no duplicate. Machines are snapshotted every 5 events here (50
 * by default), so the races also load machines from snapshots written meanwhile.
 */
class ConcurrentCommandsIntegrationTest {

    private static RunningPlatform platform;
    private static String team;
    private static List<String> members;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase("--harbormaster.machines.snapshot-threshold=5");
        var admin = platform.admin();
        team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        members = new ArrayList<>();
        for (var name : List.of("erin", "frank")) {
            var id = admin.post("/api/users", """
                    {"username":"%s","displayName":"%s","platformAdmin":false}""".formatted(name, name)).text("userId");
            admin.post("/api/teams/" + team + "/members", """
                    {"userId":"%s","role":"MEMBER"}""".formatted(id));
            members.add(id);
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void twoHandOffsAgainstTheSameVersion_oneWinsAndTheOtherIsAConflict() throws Exception {
        var admin = platform.admin();
        var id = createRunningMachine(admin, "race-1");
        var version = admin.get("/api/machines/" + id).etag();
        assertThat(version).isNotBlank();
        var before = eventsOf(id);

        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var futures = new ArrayList<Future<ApiClient.Response>>();
            for (var member : members) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return admin.post("/api/machines/" + id + "/handoff", """
                            {"to":"%s","revokePreviousHolder":true}""".formatted(member), version);
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var future : futures) {
                var response = future.get();
                statuses.add(response.status());
                if (response.status() == 409) {
                    assertThat(response.contentType()).contains("application/problem+json");
                    // the loser meets either the winner's append (the version changed) or its renewal still running
                    assertThat(response.text("detail")).satisfiesAnyOf(
                            detail -> assertThat(detail).containsIgnoringCase("changed"),
                            detail -> assertThat(detail).contains("being made right now"));
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        }
        var after = eventsOf(id);
        // the winner's request for a new CA, then its hand-off together with the new CA; nothing of the loser
        assertThat(after).hasSize(before.size() + 3);
        assertThat(after.subList(after.size() - 3, after.size())).containsExactly(
                "io.harbormaster.api.machine.CertsRenewalRequested", "io.harbormaster.api.machine.MachineHandedOff",
                "io.harbormaster.api.machine.CertsRegenerated");
        assertContiguous(id);
        assertOneSecretVersionPerRecordedRenewal(id);
    }

    /**
     * Certificates are made after the deciding event is stored: however many requests race, the secret store holds
     * exactly one TLS version per {@code CertsRegenerated} event of the machine, so a request that lost leaves none.
     */
    @Test
    void concurrentRegenerationsAndHandOffs_leaveOneSecretVersionPerRecordedRenewal() throws Exception {
        var admin = platform.admin();
        var id = createRunningMachine(admin, "race-3");
        var statuses = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(6)) {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < 12; i++) {
                var round = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    var response = switch (round % 3) {
                        case 0 -> admin.post("/api/machines/" + id + "/regenerate-certs", "{}");
                        case 1 -> admin.post("/api/machines/" + id + "/regenerate-certs", "{\"rotateCa\":true}");
                        default -> admin.post("/api/machines/" + id + "/handoff", """
                                {"to":"%s","revokePreviousHolder":true}""".formatted(members.get(round % 2)));
                    };
                    statuses.add(response.status());
                    if (response.status() != 200) {
                        assertThat(response.status()).isEqualTo(409);
                        assertThat(response.contentType()).contains("application/problem+json");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        }
        assertThat(statuses).contains(200);
        assertContiguous(id);
        assertOneSecretVersionPerRecordedRenewal(id);
    }

    private static void assertOneSecretVersionPerRecordedRenewal(String id) {
        await(() -> platform.admin().get("/api/machines/" + id), r -> eventsOf(id).stream()
                .filter(t -> t.endsWith("CertsRenewalRequested")).count() == eventsOf(id).stream()
                .filter(t -> t.endsWith("CertsRegenerated") || t.endsWith("CertsRenewalFailed")).count() - 1);
        var recorded = eventsOf(id).stream().filter(t -> t.endsWith("CertsRegenerated")).count();
        var versions = platform.jdbc().sql("SELECT count(*) FROM sec_sealed_secret WHERE path = :path")
                .param("path", "machines/" + id + "/tls").query(Long.class).single();
        assertThat(versions).isEqualTo(recorded);
    }

    @Test
    void manyConcurrentLifecycleCommands_loseNoEventAndDuplicateNone() throws Exception {
        var admin = platform.admin();
        var id = createRunningMachine(admin, "race-2");
        var statuses = new ArrayList<Integer>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = new ArrayList<Future<ApiClient.Response>>();
            for (int i = 0; i < 40; i++) {
                var verb = i % 2 == 0 ? "stop" : "start";
                futures.add(pool.submit(() -> admin.post("/api/machines/" + id + "/" + verb, null)));
            }
            for (var future : futures) {
                var response = future.get();
                statuses.add(response.status());
                if (response.status() != 202) {
                    assertThat(response.status()).isEqualTo(409);
                    assertThat(response.contentType()).contains("application/problem+json");
                }
            }
        }
        assertThat(statuses).contains(202);
        assertContiguous(id);
        var events = eventsOf(id);
        var requested = events.stream().filter(type -> type.endsWith("Requested")).count();
        // Each accepted stop/start is completed exactly once by the lifecycle process.
        await(() -> admin.get("/api/machines/" + id), r -> List.of("Running", "Stopped").contains(r.text("state")));
        await(() -> admin.get("/api/machines/" + id + "/history?size=500"), r -> {
            var completed = eventsOf(id).stream().filter(t -> t.endsWith("MachineStopped") || t.endsWith("MachineStarted")).count();
            var req = eventsOf(id).stream().filter(t -> t.endsWith("Requested")).count();
            return completed == req;
        });
        assertThat(requested).isPositive();
        assertContiguous(id);
        assertThat(platform.jdbc().sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = :id "
                + "AND payload_revision = '1'").param("id", id).query(Long.class).single()).isPositive();
    }

    private static String createRunningMachine(ApiClient admin, String name) {
        var id = admin.post("/api/machines", """
                {"team":"%s","name":"%s","driver":"none","driverOptions":{"url":"tcp://10.213.0.30:2376"}}"""
                .formatted(team, name)).text("machineId");
        await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));
        return id;
    }

    private static List<String> eventsOf(String id) {
        return platform.jdbc().sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = :id "
                + "ORDER BY sequence_number").param("id", id).query(String.class).list();
    }

    /** Sequence numbers 0..n-1 without gaps and n distinct event ids, read in one statement (processes may append). */
    private static void assertContiguous(String id) {
        var rows = platform.jdbc().sql("SELECT sequence_number, event_identifier FROM domain_event_entry "
                        + "WHERE aggregate_identifier = :id ORDER BY sequence_number").param("id", id)
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getString(2))).list();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).getKey()).isEqualTo((long) i);
        }
        assertThat(rows.stream().map(java.util.Map.Entry::getValue).distinct().count()).isEqualTo(rows.size());
    }
}
