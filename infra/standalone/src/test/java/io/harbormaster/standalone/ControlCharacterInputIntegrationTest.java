package io.harbormaster.standalone;

import static io.harbormaster.standalone.ApiClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A NUL (or any other control character) in a free-text field of a command request is refused with 400 naming the
 * field, and nothing is appended: such text would reach events and read models, where PostgreSQL refuses NUL.
 */
class ControlCharacterInputIntegrationTest {

    private static final String NUL = "\\u0000";   // as JSON escapes it
    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** One request with a control character in {@code field}. */
    record Case(String method, String path, String body, String field) {
    }

    @Test
    void everyFreeTextFieldRefusesControlCharacters() {
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        var machine = admin.post("/api/machines", """
                {"team":"%s","name":"m1","driver":"none","driverOptions":{"url":"tcp://10.213.0.21:2376"}}"""
                .formatted(team)).text("machineId");
        await(() -> admin.get("/api/machines/" + machine), r -> "Running".equals(r.text("state")));
        var user = admin.post("/api/users", """
                {"username":"frank","displayName":"Frank","platformAdmin":false}""").text("userId");
        var create = """
                {"team":"%s","name":"%s","driver":"%s","driverOptions":{"%s":"%s"},"sshKey":"%s"}""";
        var url = "tcp://10.213.0.21:2376";
        var cases = List.of(
                new Case("POST", "/api/users", """
                        {"username":"x%s","displayName":"X","platformAdmin":false}""".formatted(NUL), "username"),
                new Case("POST", "/api/users", """
                        {"username":"grace","displayName":"Gr%sace","platformAdmin":false}""".formatted(NUL),
                        "displayName"),
                new Case("POST", "/api/users", """
                        {"username":"grace","displayName":"Gr\\u001bace","platformAdmin":false}""", "displayName"),
                new Case("POST", "/api/teams", "{\"name\":\"ops%s\"}".formatted(NUL), "name"),
                new Case("POST", "/api/teams/" + team + "/members",
                        "{\"userId\":\"%s%s\",\"role\":\"MEMBER\"}".formatted(user, NUL), "userId"),
                new Case("POST", "/api/teams/" + team + "/members",
                        "{\"userId\":\"%s\",\"role\":\"MEMBER%s\"}".formatted(user, NUL), "role"),
                new Case("PUT", "/api/teams/" + team + "/members/" + user, "{\"role\":\"VIEWER%s\"}".formatted(NUL),
                        "role"),
                new Case("POST", "/api/machines", create.formatted(team + NUL, "m2", "none", "url", url, ""), "team"),
                new Case("POST", "/api/machines", create.formatted(team, "m2" + NUL, "none", "url", url, ""), "name"),
                new Case("POST", "/api/machines", create.formatted(team, "m2", "none" + NUL, "url", url, ""),
                        "driver"),
                new Case("POST", "/api/machines", create.formatted(team, "m2", "none", "url" + NUL, url, ""),
                        "driverOptions"),
                new Case("POST", "/api/machines", create.formatted(team, "m2", "none", "url", url + NUL, ""),
                        "driverOptions"),
                new Case("POST", "/api/machines", create.formatted(team, "m2", "none", "url", url, "key" + NUL),
                        "sshKey"),
                new Case("POST", "/api/machines/" + machine + "/handoff",
                        "{\"to\":\"%s%s\"}".formatted(user, NUL), "to"),
                new Case("POST", "/api/machines/" + machine + "/shares",
                        "{\"grantee\":{\"kind\":\"USER%s\",\"id\":\"%s\"},\"role\":\"VIEWER\"}".formatted(NUL, user),
                        "grantee.kind"),
                new Case("POST", "/api/machines/" + machine + "/shares",
                        "{\"grantee\":{\"kind\":\"USER\",\"id\":\"%s%s\"},\"role\":\"VIEWER\"}".formatted(user, NUL),
                        "grantee.id"),
                new Case("POST", "/api/machines/" + machine + "/shares",
                        "{\"grantee\":{\"kind\":\"USER\",\"id\":\"%s\"},\"role\":\"VIEWER%s\"}".formatted(user, NUL),
                        "role"),
                new Case("PUT", "/api/machines/" + machine + "/ssh-host-key",
                        "{\"keyType\":\"ssh-ed25519%s\",\"fingerprint\":\"SHA256:abc\"}".formatted(NUL), "keyType"),
                new Case("PUT", "/api/machines/" + machine + "/ssh-host-key",
                        "{\"keyType\":\"ssh-ed25519\",\"fingerprint\":\"SHA256:abc%s\"}".formatted(NUL),
                        "fingerprint"),
                new Case("POST", "/api/machines/" + machine + "/regenerate-certs",
                        "{\"rotateCa\":true,\"keyAlgorithm\":\"rsa-2048%s\"}".formatted(NUL), "keyAlgorithm"),
                new Case("POST", "/api/tokens", "{\"name\":\"ci%s\"}".formatted(NUL), "name"),
                new Case("POST", "/api/tokens", "{\"name\":\"ci\\u007f\"}", "name"));

        long events = eventCount();
        var wrong = new ArrayList<String>();
        for (var c : cases) {
            var answer = admin.send(c.method(), c.path(), c.body(), null);
            if (answer.status() != 400 || !answer.body().contains("\"" + c.field())
                    || !answer.body().contains("control characters")) {
                wrong.add(c.method() + " " + c.path() + " " + c.field() + ": " + answer.status() + " " + answer.body());
            }
        }
        assertThat(wrong).as("requests not refused with 400 naming the field").isEmpty();
        assertThat(eventCount()).as("nothing appended").isEqualTo(events);
    }

    @Test
    void aPrivateKeyMayHoldLineBreaks() {
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        var answer = admin.post("/api/machines", """
                {"team":"%s","name":"keyed","driver":"none","driverOptions":{"url":"tcp://10.213.0.21:2376"},
                 "sshKey":"-----BEGIN OPENSSH PRIVATE KEY-----\\nnot-a-key\\n-----END OPENSSH PRIVATE KEY-----\\n"}"""
                .formatted(team));
        assertThat(answer.body()).doesNotContain("control characters");
    }

    private static long eventCount() {
        return platform.jdbc().sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
