package io.harbormaster.standalone;

import static io.harbormaster.standalone.ApiClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An event a projection cannot apply parks only its own aggregate's events in the projection's dead-letter queue;
 * every other machine keeps projecting. Written straight into the event store, as an event from before input checks
 * (or from a bug) would be there: a machine whose driver option holds NUL, which PostgreSQL's jsonb refuses. A second
 * machine is parked by a read-model fault the test causes and then removes, so a retry can apply it.
 */
class DeadLetterIntegrationTest {

    private static final String URL = "tcp://10.213.0.20:2376";
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
    void aPoisonEventParksOnlyItsOwnMachineAndCanBeRetriedOrEvicted() {
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        var template = createRunning(admin, team, "template");
        var poison = appendCopyWithNulInDriverOption(template, "poison");

        var after = createRunning(admin, team, "after-poison");
        var parked = await(() -> admin.get("/api/admin/dead-letters/machine-list"),
                r -> r.status() == 200 && r.json().size() > 0);
        var first = parked.json().get(0);
        assertThat(first.path("sequenceId").asString()).isEqualTo(poison);
        assertThat(first.path("eventType").asString()).isEqualTo("io.harbormaster.api.machine.MachineCreated");
        assertThat(first.path("causeMessage").asString()).isNotBlank().doesNotContain("\u0000");
        assertThat(first.path("enqueuedAt").asString()).isNotBlank();
        assertThat(parked.json()).allSatisfy(letter -> assertThat(letter.path("sequenceId").asString()).isEqualTo(poison));
        assertThat(admin.get("/api/machines/" + poison).status()).isEqualTo(404);
        assertThat(parkedIn("machine-list")).isPositive();

        // a read-model fault parks a machine with its later events; once the fault is gone a retry applies them all
        platform.jdbc().sql("""
                CREATE FUNCTION hm_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'read model refuses %', NEW.name; END $$""").update();
        platform.jdbc().sql("CREATE TRIGGER hm_test_refuse BEFORE INSERT ON rm_machine FOR EACH ROW "
                + "WHEN (NEW.name = 'blocked') EXECUTE FUNCTION hm_test_refuse()").update();
        var blocked = admin.post("/api/machines", createBody(team, "blocked")).text("machineId");
        await(() -> admin.get("/api/admin/dead-letters/machine-list"), r -> sequences(r).contains(blocked)
                && letters(r, blocked) >= 2);   // MachineCreated and what followed it, in order
        var later = createRunning(admin, team, "after-blocked");
        assertThat(admin.get("/api/machines/" + blocked).status()).isEqualTo(404);
        assertThat(admin.post("/api/admin/dead-letters/machine-list/" + blocked + "/retry", null).status())
                .as("the fault is still there: the retry parks the sequence again").isEqualTo(200);
        assertThat(admin.get("/api/machines/" + blocked).status()).isEqualTo(404);

        platform.jdbc().sql("DROP TRIGGER hm_test_refuse ON rm_machine").update();
        var retried = admin.post("/api/admin/dead-letters/machine-list/" + blocked + "/retry", null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("sequencesApplied").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/machines/" + blocked).text("state")).isEqualTo("Running");
        assertThat(sequences(admin.get("/api/admin/dead-letters/machine-list"))).containsExactly(poison);

        // the poison cannot be fixed in place: evicting it empties every queue
        for (var group : List.of("machine-list", "audit-trail", "teams", "users")) {
            var letters = admin.get("/api/admin/dead-letters/" + group);
            if (sequences(letters).contains(poison)) {
                assertThat(admin.delete("/api/admin/dead-letters/" + group + "/" + poison).status()).isEqualTo(200);
            }
        }
        assertThat(admin.get("/api/admin/dead-letters").json()).allSatisfy(group ->
                assertThat(group.path("deadLetters").asLong()).as(group.toString()).isZero());
        assertThat(admin.delete("/api/admin/dead-letters/machine-list/" + poison).status()).isEqualTo(404);
        assertThat(admin.get("/api/admin/dead-letters/no-such-projection").status()).isEqualTo(404);

        var machines = Set.of(template, after, blocked, later);
        var rows = machineRows();
        assertThat(rows.keySet()).containsAll(machines).doesNotContain(poison);

        platform.restart();
        var afterRestart = platform.admin();
        var fresh = createRunning(afterRestart, team, "after-restart");
        assertThat(machineRows()).containsAllEntriesOf(rows).containsKey(fresh);
        assertThat(parkedIn("machine-list")).isZero();

        var before = machineRows();
        assertThat(afterRestart.post("/api/admin/projections/rebuild", null).status()).isEqualTo(202);
        // the replay meets the poison again and parks it again; everything else is rebuilt as it was
        await(() -> afterRestart.get("/api/admin/dead-letters/machine-list"), r -> sequences(r).contains(poison));
        await(() -> afterRestart.get("/api/machines?team=" + team + "&size=100"),
                r -> r.status() == 200 && r.json().path("items").size() == before.size());
        await(() -> afterRestart.get("/api/admin/projections"), r -> {
            for (var processor : r.json()) {
                if (!processor.path("caughtUp").asBoolean()
                        || processor.path("position").asLong(-1) < processor.path("headPosition").asLong()) {
                    return false;
                }
            }
            return true;
        });
        assertThat(machineRows()).isEqualTo(before);
    }

    @Test
    void onlyPlatformAdminsSeeDeadLetters() {
        var admin = platform.admin();
        var erin = admin.post("/api/users", """
                {"username":"erin","displayName":"Erin","platformAdmin":false}""").text("userId");
        assertThat(admin.put("/api/users/" + erin + "/password", """
                {"password":"erin-has-a-long-password"}""").status()).isEqualTo(204);
        var asErin = platform.as("erin", "erin-has-a-long-password");
        assertThat(asErin.get("/api/admin/dead-letters").status()).isEqualTo(403);
        assertThat(asErin.get("/api/admin/dead-letters/machine-list").status()).isEqualTo(403);
        assertThat(asErin.post("/api/admin/dead-letters/machine-list/retry", null).status()).isEqualTo(403);
        assertThat(asErin.delete("/api/admin/dead-letters/machine-list/" + UUID.randomUUID()).status())
                .isEqualTo(403);
        assertThat(platform.anonymous().get("/api/admin/dead-letters").status()).isEqualTo(401);
    }

    private static String createBody(String team, String name) {
        return """
                {"team":"%s","name":"%s","driver":"none","driverOptions":{"url":"%s"}}""".formatted(team, name, URL);
    }

    private static String createRunning(ApiClient client, String team, String name) {
        var id = client.post("/api/machines", createBody(team, name)).text("machineId");
        await(() -> client.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));
        return id;
    }

    /** A copy of {@code template}'s MachineCreated for a new machine, with a NUL in an extra driver option. */
    private static String appendCopyWithNulInDriverOption(String template, String name) {
        var id = UUID.randomUUID().toString();
        int inserted = platform.jdbc().sql("""
                INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                       type, time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT nextval('domain_event_entry_seq'), :eventId, :id, 0, type, time_stamp, payload_type,
                       payload_revision, convert_to(replace(replace(replace(convert_from(payload, 'UTF8'),
                           :template, :id), '"template"', :name), :url, :poisonedUrl), 'UTF8'), meta_data
                FROM domain_event_entry
                WHERE aggregate_identifier = :template AND sequence_number = 0""")
                .param("eventId", UUID.randomUUID().toString())
                .param("id", id)
                .param("template", template)
                .param("name", '"' + name + '"')
                .param("url", '"' + URL + '"')
                .param("poisonedUrl", '"' + URL + "\",\"note\":\"bad\\u0000value\"")
                .update();
        assertThat(inserted).isEqualTo(1);
        return id;
    }

    private static long parkedIn(String group) {
        for (var count : platform.admin().get("/api/admin/dead-letters").json()) {
            if (count.path("processingGroup").asString().equals(group)) {
                return count.path("deadLetters").asLong();
            }
        }
        throw new AssertionError("no count for " + group);
    }

    private static Set<String> sequences(ApiClient.Response letters) {
        var ids = new HashSet<String>();
        letters.json().forEach(letter -> ids.add(letter.path("sequenceId").asString()));
        return ids;
    }

    private static int letters(ApiClient.Response letters, String sequence) {
        int n = 0;
        for (var letter : letters.json()) {
            n += letter.path("sequenceId").asString().equals(sequence) ? 1 : 0;
        }
        return n;
    }

    private static Map<String, Map<String, Object>> machineRows() {
        var rows = new java.util.TreeMap<String, Map<String, Object>>();
        platform.jdbc().sql("SELECT * FROM rm_machine").query().listOfRows()
                .forEach(row -> rows.put(row.get("id").toString(), row));
        return rows;
    }
}
