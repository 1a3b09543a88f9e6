package io.harbormaster.standalone;

import static io.harbormaster.standalone.ApiClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's curl tour as a test, on a real PostgreSQL: create a machine with the none driver, list it, stop and
 * start it, hand it to another user, read its history, restart the whole application and find everything still
 * there, then remove it.
 */
class MachineLifecycleIntegrationTest {

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
    void aMachineLivesThroughItsWholeLifecycleAndSurvivesARestart() {
        var admin = platform.admin();
        var team = defaultTeamId(admin);
        var bob = admin.post("/api/users", """
                {"username":"bob","displayName":"Bob Builder","platformAdmin":false}""");
        assertThat(bob.status()).isEqualTo(201);
        var bobId = bob.text("userId");
        assertThat(admin.post("/api/teams/" + team + "/members", """
                {"userId":"%s","role":"MEMBER"}""".formatted(bobId)).status()).isEqualTo(200);

        var created = admin.post("/api/machines", """
                {"team":"%s","name":"web-1","driver":"none","driverOptions":{"url":"tcp://10.213.0.10:2376"}}"""
                .formatted(team));
        assertThat(created.status()).isEqualTo(202);
        var id = created.text("machineId");
        assertThat(created.location()).endsWith("/api/machines/" + id);

        var running = await(() -> admin.get("/api/machines/" + id), r -> r.status() == 200 && "Running".equals(r.text("state")));
        assertThat(running.text("dockerUrl")).isEqualTo("tcp://10.213.0.10:2376");
        assertThat(running.text("holderName")).isEqualTo("admin");

        var list = admin.get("/api/machines?team=" + team + "&name=web-.*");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items").get(0).path("name").asString()).isEqualTo("web-1");

        assertThat(admin.post("/api/machines/" + id + "/stop", null).status()).isEqualTo(202);
        await(() -> admin.get("/api/machines/" + id), r -> "Stopped".equals(r.text("state")));
        assertThat(admin.post("/api/machines/" + id + "/start", null).status()).isEqualTo(202);
        await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));

        var handOff = admin.post("/api/machines/" + id + "/handoff", """
                {"to":"%s","revokePreviousHolder":true}""".formatted(bobId));
        assertThat(handOff.status()).isEqualTo(200);
        await(() -> admin.get("/api/machines/" + id), r -> "bob".equals(r.text("holderName")));

        // creation makes the machine's first certificates; a hand-off that revokes asks for a new CA and happens in
        // the same step as it is stored
        var expectedHistory = java.util.List.of("MachineCreated", "MachineProvisioned", "CertsRegenerated",
                "MachineStopRequested", "MachineStopped", "MachineStartRequested", "MachineStarted",
                "CertsRenewalRequested", "MachineHandedOff", "CertsRegenerated");
        await(() -> admin.get("/api/machines/" + id + "/history"), r -> actions(r).size() == expectedHistory.size());
        var history = admin.get("/api/machines/" + id + "/history");
        assertThat(actions(history)).containsExactlyElementsOf(expectedHistory.reversed());
        var handOffEntry = history.json().path("items").get(1);
        assertThat(handOffEntry.path("actorName").asString()).isEqualTo("admin");
        assertThat(handOffEntry.path("channel").asString()).isEqualTo("api");
        assertThat(handOffEntry.path("clientAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(handOffEntry.path("correlationId").asString()).isNotBlank();

        platform.restart();
        var adminAgain = platform.admin();
        var afterRestart = adminAgain.get("/api/machines/" + id);
        assertThat(afterRestart.status()).isEqualTo(200);
        assertThat(afterRestart.text("holderName")).isEqualTo("bob");
        assertThat(afterRestart.text("state")).isEqualTo("Running");
        assertThat(actions(adminAgain.get("/api/machines/" + id + "/history"))).hasSize(expectedHistory.size());

        assertThat(adminAgain.delete("/api/machines/" + id).status()).isEqualTo(202);
        await(() -> adminAgain.get("/api/machines/" + id), r -> r.status() == 404);
        var finalHistory = await(() -> adminAgain.get("/api/machines/" + id + "/history"),
                r -> actions(r).contains("MachineRemoved"));
        assertThat(actions(finalHistory).getFirst()).isEqualTo("MachineRemoved");
        assertThat(adminAgain.get("/api/machines?team=" + team).json().path("total").asLong()).isZero();
    }

    static String defaultTeamId(ApiClient admin) {
        var teams = await(() -> admin.get("/api/teams"), r -> r.status() == 200 && r.json().path("teams").size() > 0);
        for (var team : teams.json().path("teams")) {
            if ("default".equals(team.path("name").asString())) {
                return team.path("id").asString();
            }
        }
        throw new AssertionError("no default team in " + teams.body());
    }

    static java.util.List<String> actions(ApiClient.Response history) {
        var actions = new ArrayList<String>();
        history.json().path("items").forEach(item -> actions.add(item.path("action").asString()));
        return actions;
    }
}
