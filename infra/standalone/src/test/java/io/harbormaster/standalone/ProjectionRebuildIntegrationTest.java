package io.harbormaster.standalone;

import static io.harbormaster.standalone.ApiClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read models are disposable: an admin rebuilds them from the event store into new tables while the current ones
 * keep serving, and the new ones take their place once caught up. After a scenario that touches every projection,
 * the rebuilt tables must equal the live ones row for row; commands that arrive during a rebuild are in the result;
 * no read sees a partial list; a node stopped in the middle of a rebuild keeps its tables and can rebuild again.
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
        var schema = readModelSchema();

        var rebuild = admin.post("/api/admin/projections/rebuild", null);
        assertThat(rebuild.status()).isEqualTo(202);
        awaitRebuilt(admin);
        awaitCaughtUp(admin);

        assertThat(snapshotReadModels()).isEqualTo(live);
        assertThat(readModelSchema()).as("the new tables' keys, foreign keys and indexes").isEqualTo(schema);
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

    @Test
    void aRebuildWhileCommandsArrive_neverShowsAPartialList_reportsProgress_andEndsEqualToAFromScratchRebuild()
            throws Exception {
        var admin = platform.admin();
        var team = admin.post("/api/teams", """
                {"name":"rebuilt-under-load"}""").text("teamId");
        var adminId = platform.jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'admin'")
                .query(String.class).single();
        HmCliBenchmark.createNoneMachines(platform, team, adminId, 150, 1);
        HmCliBenchmark.awaitListed(platform, 150);
        awaitCaughtUp(admin);
        var eventsBefore = platform.jdbc().sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();

        var listed = new ConcurrentLinkedQueue<Integer>();
        var reading = new AtomicBoolean(true);
        var reader = Thread.ofPlatform().start(() -> {
            while (reading.get()) {
                var page = admin.get("/api/machines?team=" + team + "&size=500");
                listed.add(page.status() == 200 ? page.json().path("items").size() : -page.status());
            }
        });
        var progress = new ArrayList<JsonNode>();
        assertThat(admin.post("/api/admin/projections/rebuild", null).status()).isEqualTo(202);
        assertThat(admin.post("/api/admin/projections/rebuild", null).status())
                .as("a second rebuild while one runs").isIn(202, 409);
        // commands keep arriving while the rebuild replays
        HmCliBenchmark.createNoneMachines(platform, team, adminId, 30, 151);
        await(() -> admin.get("/api/admin/projections/rebuild"), r -> {
            progress.add(r.json());
            return "DONE".equals(r.text("phase"));
        });
        HmCliBenchmark.awaitListed(platform, 180);
        // the machine processes still provision the last machines: compare once no event is being added
        HmCliBenchmark.awaitQuiet(platform);
        awaitCaughtUp(admin);
        reading.set(false);
        reader.join();

        assertThat(listed).isNotEmpty().allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(150));
        var done = progress.getLast();
        assertThat(done.path("eventsProcessed").asLong()).isGreaterThanOrEqualTo(eventsBefore);
        assertThat(done.path("eventsTotal").asLong()).isEqualTo(done.path("eventsProcessed").asLong());
        assertThat(done.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(done.path("finishedAt").isNull()).isFalse();
        var switchedOver = withoutGlobalIndex(snapshotReadModels());
        assertThat(admin.get("/api/machines?team=" + team + "&size=500").json().path("items").size()).isEqualTo(180);

        // the same events rebuilt once more with nothing arriving: the same tables
        assertThat(admin.post("/api/admin/projections/rebuild", null).status()).isEqualTo(202);
        awaitRebuilt(admin);
        awaitCaughtUp(admin);
        assertThat(withoutGlobalIndex(snapshotReadModels())).isEqualTo(switchedOver);
    }

    /**
     * The audit rows without {@code global_index}: it is the tracking token's position when the row was written, and
     * an event that committed after a later one (the creations run eight at a time) is delivered with the later
     * one's position, by the live processors as by a replay that meets the gap. A replay of settled events records
     * each event's own index. Known, and not the rebuild's doing; every other column must be equal.
     */
    private static Map<String, List<Map<String, Object>>> withoutGlobalIndex(
            Map<String, List<Map<String, Object>>> snapshot) {
        snapshot.values().forEach(rows -> rows.forEach(row -> row.remove("global_index")));
        return snapshot;
    }

    @Test
    void aNodeStoppedDuringARebuild_keepsServingItsTables_andRebuildsAgainAfterTheRestart() throws Exception {
        var admin = platform.admin();
        awaitCaughtUp(admin);
        var before = snapshotReadModels();
        // what a node that died during a rebuild leaves: half-filled copies beside the live tables
        platform.jdbc().sql("CREATE SCHEMA IF NOT EXISTS hm_rebuild").update();
        platform.jdbc().sql("CREATE TABLE IF NOT EXISTS hm_rebuild.rm_machine (LIKE public.rm_machine)").update();
        assertThat(admin.post("/api/admin/projections/rebuild", null).status()).isEqualTo(202);
        platform.restart();
        admin = platform.admin();

        awaitCaughtUp(admin);
        assertThat(snapshotReadModels()).as("the tables served after the restart").isEqualTo(before);
        assertThat(admin.get("/api/admin/projections/rebuild").text("phase")).isEqualTo("IDLE");
        assertThat(admin.post("/api/admin/projections/rebuild", null).status()).isEqualTo(202);
        awaitRebuilt(admin);
        awaitCaughtUp(admin);
        assertThat(snapshotReadModels()).isEqualTo(before);
        assertThat(platform.jdbc().sql("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'hm\\_re%'")
                .query(Long.class).single()).as("no copies left behind").isZero();
    }

    private static void awaitRebuilt(ApiClient admin) {
        await(() -> admin.get("/api/admin/projections/rebuild"), r -> {
            assertThat(r.text("phase")).isNotEqualTo("FAILED");
            return "DONE".equals(r.text("phase"));
        });
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

    /** The read model tables' constraints (a foreign key with the table it references) and indexes. */
    private static List<String> readModelSchema() {
        return platform.jdbc().sql("""
                SELECT k.conrelid::regclass || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
                       || coalesce(' -> ' || k.confrelid::regclass::text, '')
                FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
                WHERE t.relnamespace = 'public'::regnamespace AND t.relname LIKE 'rm\\_%'
                UNION ALL
                SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename LIKE 'rm\\_%'
                ORDER BY 1""").query(String.class).list();
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
