package io.harbormaster.standalone;

import static io.harbormaster.standalone.ApiClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read models are disposable: an admin resets the processors and they are rebuilt from the event store. After a
 * scenario that touches every projection, the rebuilt tables must equal the live ones row for row.
 */
class ProjectionRebuildIntegrationTest {

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void rebuiltReadModelsEqualTheLiveOnes() {
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        var carol = admin.post("/api/users", """
                {"username":"carol","displayName":"Carol","platformAdmin":false}""").text("userId");
        admin.post("/api/teams/" + team + "/members", """
                {"userId":"%s","role":"MEMBER"}""".formatted(carol));
        var other = admin.post("/api/teams", """
                {"name":"platform-ops"}""");
        assertThat(other.status()).isEqualTo(201);
        for (var name : List.of("db-10", "db-2", "db-1")) {
            var id = admin.post("/api/machines", """
                    {"team":"%s","name":"%s","driver":"none","driverOptions":{"url":"tcp://10.213.0.20:2376"}}"""
                    .formatted(team, name)).text("machineId");
            await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));
            if (name.equals("db-2")) {
                admin.post("/api/machines/" + id + "/stop", null);
                await(() -> admin.get("/api/machines/" + id), r -> "Stopped".equals(r.text("state")));
                admin.post("/api/machines/" + id + "/shares", """
                        {"grantee":{"kind":"USER","id":"%s"},"role":"VIEWER"}""".formatted(carol));
                admin.post("/api/machines/" + id + "/handoff", """
                        {"to":"%s","revokePreviousHolder":false}""".formatted(carol));
            }
            if (name.equals("db-10")) {
                admin.delete("/api/machines/" + id);
                await(() -> admin.get("/api/machines/" + id), r -> r.status() == 404);
            }
        }
        awaitCaughtUp(admin);
        var live = snapshotReadModels();
        assertThat(live.values()).anySatisfy(rows -> assertThat(rows).isNotEmpty());

        var rebuild = admin.post("/api/admin/projections/rebuild", null);
        assertThat(rebuild.status()).isEqualTo(202);
        awaitCaughtUp(admin);

        assertThat(snapshotReadModels()).isEqualTo(live);
        var names = admin.get("/api/machines?team=" + team).json().path("items");
        assertThat(names.get(0).path("name").asString()).isEqualTo("db-1");
        assertThat(names.get(1).path("name").asString()).isEqualTo("db-2");
    }

    @Test
    void onlyAPlatformAdminMayRebuild() {
        var admin = platform.admin();
        var dave = admin.post("/api/users", """
                {"username":"dave","displayName":"Dave","platformAdmin":false}""").text("userId");
        assertThat(admin.put("/api/users/" + dave + "/password", """
                {"password":"dave-has-a-long-password"}""").status()).isEqualTo(204);
        var asDave = platform.as("dave", "dave-has-a-long-password");
        assertThat(asDave.post("/api/admin/projections/rebuild", null).status()).isEqualTo(403);
        assertThat(platform.anonymous().post("/api/admin/projections/rebuild", null).status()).isEqualTo(401);
    }

    private static void awaitCaughtUp(ApiClient admin) {
        await(() -> admin.get("/api/admin/projections"), r -> {
            if (r.status() != 200 || !r.json().isArray() || r.json().isEmpty()) {
                return false;
            }
            for (var processor : r.json()) {
                if (!processor.path("caughtUp").asBoolean()
                        || processor.path("position").asLong(-1) < processor.path("headPosition").asLong()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Every read model table, all columns, in a stable order. */
    private static Map<String, List<Map<String, Object>>> snapshotReadModels() {
        var jdbc = platform.jdbc();
        var tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name LIKE 'rm\\_%' ORDER BY table_name").query(String.class).list();
        assertThat(tables).isNotEmpty();
        var snapshot = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (var table : tables) {
            var rows = jdbc.sql("SELECT * FROM " + table + " ORDER BY 1, 2").query().listOfRows();
            // the live streams' cursor numbers rows as they are written, and on after a rebuild so that cursors
            // never go back (docs/architecture.md, "Live event streams"): a delivery order, not a projected fact
            rows.forEach(row -> row.remove("stream_seq"));
            snapshot.put(table, rows);
        }
        return snapshot;
    }
}
