package io.harbormaster.standalone;

import static io.harbormaster.standalone.ApiClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fleet at a past instant, on the real event store: the test records the live machine list at two instants while
 * machines are created, handed off, stopped, started and removed, then asks for the fleet at each instant and finds
 * exactly what it recorded, and "as of now" equals the live list. What changed since is listed per machine, the CA a
 * revoking hand-off replaced included. A team
 * viewer may look; a stranger gets 404 as for the team itself.
 */
class FleetAsOfIntegrationTest {

    private static final String PASSWORD = "fleet-password-for-tests";
    private static RunningPlatform platform;
    private static String team;
    private static String mia;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
        var admin = platform.admin();
        team = admin.post("/api/teams", "{\"name\":\"fleet\"}").text("teamId");
        for (var user : List.of("sam:MEMBER", "mia:MEMBER", "vera:VIEWER", "stan:")) {
            var name = user.substring(0, user.indexOf(':'));
            var role = user.substring(user.indexOf(':') + 1);
            var id = admin.post("/api/users", "{\"username\":\"%s\",\"displayName\":\"%s\"}".formatted(name, name))
                    .text("userId");
            if (name.equals("mia")) {
                mia = id;
            }
            assertThat(admin.put("/api/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}").status())
                    .isEqualTo(204);
            if (!role.isEmpty()) {
                assertThat(admin.post("/api/teams/" + team + "/members", """
                        {"userId":"%s","role":"%s"}""".formatted(id, role)).status()).isEqualTo(200);
            }
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theFleetAtEachRecordedInstant_isWhatTheListShowedThen_andAsOfNowIsTheLiveList() throws Exception {
        var beforeAnything = pause();
        var one = create("app-1", 42001);
        var two = create("app-2", 42002);
        var three = create("app-3", 42003);
        awaitList(list -> list.size() == 3 && list.stream().allMatch(m -> m.path("state").asString().equals("Running")));
        var first = pause();
        var atFirst = liveList();
        var firstCa = sam().get("/api/machines/" + one).text("caFingerprint");

        assertThat(sam().post("/api/machines/" + one + "/handoff", "{\"to\":\"" + mia + "\"}").status())
                .isEqualTo(200);
        assertThat(sam().post("/api/machines/" + two + "/stop", null).status()).isEqualTo(202);
        assertThat(sam().delete("/api/machines/" + three).status()).isEqualTo(202);
        var four = create("app-10", 42010);
        awaitList(list -> list.size() == 3 && state(list, two).equals("Stopped")
                && state(list, four).equals("Running") && holder(list, one).equals("mia"));
        var second = pause();
        var atSecond = liveList();

        assertThat(sam().post("/api/machines/" + two + "/start", null).status()).isEqualTo(202);
        awaitList(list -> state(list, two).equals("Running"));
        var now = liveList();

        assertThat(rows(fleet(first).path("machines"))).isEqualTo(rows(atFirst));
        assertThat(rows(fleet(second).path("machines"))).isEqualTo(rows(atSecond));
        assertThat(rows(fleet(Instant.now()).path("machines"))).isEqualTo(rows(now));
        assertThat(fleet(beforeAnything).path("machines").size()).isZero();

        // the hand-off revoked sam's access, which rotates the machine's CA
        var nowCa = sam().get("/api/machines/" + one).text("caFingerprint");
        assertThat(nowCa).isNotEqualTo(firstCa);
        assertThat(changeLines(fleet(first).path("changes"))).containsExactly(
                "app-1 CHANGED holder sam->mia caFingerprint " + firstCa + "->" + nowCa,
                "app-10 ADDED",
                "app-3 REMOVED");
        assertThat(fleet(first).path("machines").get(0).path("caFingerprint").asString()).isEqualTo(firstCa);
        assertThat(changeLines(fleet(second).path("changes"))).containsExactly("app-2 CHANGED state Stopped->Running");
        assertThat(fleet(first).path("teamName").asString()).isEqualTo("fleet");
        assertThat(four).isNotBlank();
    }

    @Test
    void aViewerMayLook_aStrangerFindsNoTeam_andTheInstantMustBeAPastIso8601Instant() {
        var at = Instant.now().toString();
        assertThat(platform.as("vera", PASSWORD).get(path(at)).status()).isEqualTo(200);
        assertThat(platform.as("stan", PASSWORD).get(path(at)).status()).isEqualTo(404);
        var missing = sam().get("/api/teams/" + team + "/fleet");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("detail")).contains("at is required");
        var garbled = sam().get(path("yesterday"));
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.text("detail")).contains("ISO-8601");
        var future = sam().get(path(Instant.now().plusSeconds(3600).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("detail")).contains("in the future");
    }

    private static ApiClient sam() {
        return platform.as("sam", PASSWORD);
    }

    private static String create(String name, int port) {
        var created = sam().post("/api/machines", """
                {"team":"%s","name":"%s","driver":"none","driverOptions":{"url":"tcp://127.0.0.1:%d"}}"""
                .formatted(team, name, port));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        return created.text("machineId");
    }

    /** An instant strictly between the events before it and those after it. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        var at = Instant.now();
        Thread.sleep(20);
        return at;
    }

    private static JsonNode fleet(Instant at) {
        var response = sam().get(path(at.toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String path(String at) {
        return "/api/teams/" + team + "/fleet?at=" + at;
    }

    private static JsonNode liveList() {
        return sam().get("/api/machines?team=" + team + "&size=100").json().path("items");
    }

    private static void awaitList(java.util.function.Predicate<List<JsonNode>> done) {
        await(() -> sam().get("/api/machines?team=" + team + "&size=100"), response -> {
            var items = new ArrayList<JsonNode>();
            response.json().path("items").forEach(items::add);
            return done.test(items);
        });
    }

    private static String state(List<JsonNode> list, String id) {
        return list.stream().filter(m -> m.path("id").asString().equals(id)).map(m -> m.path("state").asString())
                .findFirst().orElse("");
    }

    private static String holder(List<JsonNode> list, String id) {
        return list.stream().filter(m -> m.path("id").asString().equals(id))
                .map(m -> m.path("holderName").asString()).findFirst().orElse("");
    }

    /** The fields both views show, one line per machine, in list order. */
    private static List<String> rows(JsonNode machines) {
        var rows = new ArrayList<String>();
        machines.forEach(m -> rows.add(String.join(" | ", m.path("id").asString(), m.path("name").asString(),
                m.path("driver").asString(), m.path("state").asString(), m.path("holder").asString(),
                m.path("holderName").asString(), m.path("dockerUrl").asString(), m.path("dockerVersion").asString(),
                m.path("lastError").asString(), m.path("createdAt").asString(), m.path("updatedAt").asString())));
        return rows;
    }

    private static List<String> changeLines(JsonNode changes) {
        var lines = new ArrayList<String>();
        changes.forEach(change -> {
            var line = new StringBuilder(change.path("name").asString() + " " + change.path("kind").asString());
            change.path("fields").forEach(field -> line.append(" ").append(field.path("name").asString()).append(" ")
                    .append(field.path("then").asString()).append("->").append(field.path("now").asString()));
            lines.add(line.toString());
        });
        return lines;
    }
}
