package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gets a 4xx problem detail that says what is wrong, and nothing reaches the event store.
 */
class BadInputIntegrationTest {

    private static RunningPlatform platform;
    private static String team;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
        team = MachineLifecycleIntegrationTest.defaultTeamId(platform.admin());
        var taken = platform.admin().post("/api/machines", machine(team, "taken", "none", "tcp://10.213.0.40:2376"));
        assertThat(taken.status()).isEqualTo(202);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static Stream<Arguments> badCreates() {
        return Stream.of(
                Arguments.of("invalid name", machine("TEAM", "-web", "none", "tcp://10.213.0.40:2376"), 400, "name"),
                Arguments.of("name with a slash", machine("TEAM", "web/1", "none", "tcp://10.213.0.40:2376"), 400, "name"),
                Arguments.of("oversized name", machine("TEAM", "a".repeat(64), "none", "tcp://10.213.0.40:2376"), 400, "name"),
                Arguments.of("duplicate name", machine("TEAM", "taken", "none", "tcp://10.213.0.40:2376"), 409, "taken"),
                Arguments.of("unknown team", machine(UUID.randomUUID().toString(), "web-9", "none", "tcp://10.213.0.40:2376"), 404, "team"),
                Arguments.of("malformed team id", machine("not-a-uuid", "web-9", "none", "tcp://10.213.0.40:2376"), 400, "team"),
                Arguments.of("unknown driver", machine("TEAM", "web-9", "virtualbox-xl", "tcp://10.213.0.40:2376"), 422, "driver"),
                Arguments.of("bad driver option", machine("TEAM", "web-9", "none", "http://10.213.0.40"), 422, "url"),
                Arguments.of("malformed JSON", "{\"team\": ", 400, "JSON"),
                Arguments.of("missing name", "{\"team\":\"TEAM\",\"driver\":\"none\"}", 400, "name"),
                Arguments.of("oversized option", machine("TEAM", "web-9", "none", "tcp://" + "h".repeat(3000) + ":2376"), 400, "driverOptions"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badCreates")
    void badCreateIsRefusedWithAProblemDetailAndAppendsNothing(String why, String body, int status, String mentions) {
        var before = eventCount();
        var response = platform.admin().post("/api/machines", body.replace("TEAM", team));
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.body()).containsIgnoringCase(mentions);
        assertThat(response.body()).doesNotContain("Exception", "at io.harbormaster");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unknownMachineIs404AndMalformedIdIs400() {
        var admin = platform.admin();
        assertThat(admin.get("/api/machines/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.post("/api/machines/" + UUID.randomUUID() + "/stop", null).status()).isEqualTo(404);
        var malformed = admin.get("/api/machines/nope");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).contains("application/problem+json");
    }

    @Test
    void theNoneDriverRefusesWhatItCannotDo() {
        var admin = platform.admin();
        var id = admin.post("/api/machines", machine(team, "cannot-kill", "none", "tcp://10.213.0.41:2376")).text("machineId");
        ApiClient.await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));
        var before = eventCount();
        var kill = admin.post("/api/machines/" + id + "/kill", null);
        assertThat(kill.status()).isEqualTo(422);
        assertThat(kill.text("detail")).contains("none driver");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unauthenticatedCallsAreRefused() {
        var response = platform.anonymous().get("/api/machines");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(platform.as("admin", "wrong-password").get("/api/machines").status()).isEqualTo(401);
    }

    private static long eventCount() {
        return platform.jdbc().sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    static String machine(String team, String name, String driver, String url) {
        return """
                {"team":"%s","name":"%s","driver":"%s","driverOptions":{"url":"%s"}}""".formatted(team, name, driver, url);
    }
}
