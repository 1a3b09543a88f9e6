package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Over real HTTP, every answer under {@code /api} says what happened in a problem detail: unknown paths 404, wrong
 * methods 405 with {@code Allow}, JSON of the wrong type 400 naming the field (no coercion), bodies over the limit
 * 413, failures 500 with a correlation id; API clients never get the portal's HTML, an empty 403 or a redirect.
 * The body limit is set to 64 KiB here, so the test sends little.
 */
class HttpTruthIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LIMIT = 64 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static RunningPlatform platform;
    private static String basic;
    private static String bearer;
    private static String team;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase("--harbormaster.api.max-body-size=" + LIMIT + "B");
        basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + RunningPlatform.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        bearer = "Bearer " + platform.admin().post("/api/tokens", "{\"name\":\"http-truth\"}").text("token");
        team = MachineLifecycleIntegrationTest.defaultTeamId(platform.admin());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static Stream<String> credentials() {
        return Stream.of("basic", "bearer");
    }

    private static String authorization(String kind) {
        return kind.equals("basic") ? basic : bearer;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void unknownApiPathsAre404Problems(String kind) {
        for (var method : new String[] {"GET", "POST", "DELETE"}) {
            var answer = send(method, "/api/no-such-thing/42", authorization(kind), (String) null);
            assertProblem(answer, 404, "not-found");
            assertThat(answer.problem().path("detail").asString()).contains(method + " /api/no-such-thing/42");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void aWrongMethodIs405WithAllow(String kind) {
        var answer = send("PATCH", "/api/machines", authorization(kind), "{}");
        assertProblem(answer, 405, "method-not-allowed");
        var allowed = Arrays.stream(answer.header("Allow").split(",")).map(String::strip).toList();
        assertThat(allowed).contains("GET", "POST").doesNotContain("PATCH");
        assertProblem(send("PUT", "/api/tokens", authorization(kind), "{}"), 405, "method-not-allowed");
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("/api/teams", "{\"name\": 123}", "name", "must be a string"),
                Arguments.of("/api/teams", "{\"name\": true}", "name", "must be a string"),
                Arguments.of("/api/machines", "{\"team\":\"TEAM\",\"name\":123,\"driver\":\"none\"}", "name",
                        "must be a string"),
                Arguments.of("/api/tokens", "{\"name\":\"t\",\"expiresInDays\":\"30\"}", "expiresInDays",
                        "must be a whole number"),
                Arguments.of("/api/machines/00000000-0000-4000-8000-000000000000/handoff",
                        "{\"to\":\"00000000-0000-4000-8000-000000000001\",\"revokePreviousHolder\":\"yes\"}",
                        "revokePreviousHolder", "must be true or false"),
                Arguments.of("/api/teams", "{\"name\": \"x\", \"colour\": \"red\"}", "colour", "not a field"),
                Arguments.of("/api/teams", "{\"name\": ", "", "not a valid JSON object"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongTypes")
    void jsonOfTheWrongTypeIsRefusedNamingTheField(String path, String body, String field, String words) {
        var before = eventCount();
        var answer = send("POST", path, basic, body.replace("TEAM", team));
        assertProblem(answer, 400, "malformed-request");
        assertThat(answer.problem().path("detail").asString()).contains(field).contains(words);
        if (!field.isEmpty()) {
            assertThat(answer.problem().path("errors").get(0).path("field").asString()).isEqualTo(field);
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void validationMessagesNameTheFieldAndTheRule() {
        var name = send("POST", "/api/teams", basic, "{\"name\":\"" + "a".repeat(70) + "\"}");
        assertProblem(name, 400, "invalid-command");
        assertThat(name.problem().path("detail").asString()).contains("name: at most 63 characters");
        var machine = send("POST", "/api/machines", basic, "{\"team\":\"" + team + "\",\"driver\":\"none\"}");
        assertThat(machine.problem().path("detail").asString()).contains("name: is required");
        var password = send("PUT", "/api/users/" + adminId() + "/password", basic, "{\"password\":\"short\"}");
        assertProblem(password, 400, "invalid-command");
        assertThat(password.problem().path("detail").asString()).contains("password: 12 to 128 characters");
    }

    @Test
    void aMalformedIdInThePathIs400NotAnEmpty403() {
        var answer = send("PUT", "/api/users/not-a-uuid/password", basic, "{\"password\":\"long-enough-password\"}");
        assertProblem(answer, 400, "invalid-command");
        assertThat(answer.problem().path("errors").get(0).path("field").asString()).isEqualTo("userId");
    }

    @Test
    void aServerFailureIsAProblemWithTheCorrelationIdAndNothingInternal() {
        // PostgreSQL refuses NUL in text: the insert of the token row fails below every controller's own checks
        var answer = send("POST", "/api/tokens", basic, "{\"name\":\"bad\\u0000name\"}");
        assertThat(answer.status()).as(answer.body()).isIn(400, 500);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception", "org.postgresql", "SQL", "at io.harbormaster");
        if (answer.status() == 500) {
            var correlationId = answer.problem().path("correlationId").asString();
            assertThat(correlationId).isNotBlank().isEqualTo(answer.header("X-Correlation-Id"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void aBodyOverTheLimitIs413_declaredOrChunked(String kind) {
        var before = teamsCreated();
        var big = ("{\"name\":\"" + "x".repeat(LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
        var declared = send("POST", "/api/teams", authorization(kind), HttpRequest.BodyPublishers.ofByteArray(big));
        assertProblem(declared, 413, "body-too-large");
        var chunked = send("POST", "/api/teams", authorization(kind),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        assertProblem(chunked, 413, "body-too-large");
        var smallBody = ("{\"name\":\"chunked-" + kind + "\"}").getBytes(StandardCharsets.UTF_8);
        var small = send("POST", "/api/teams", authorization(kind),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(smallBody)));
        assertThat(small.status()).as(small.body()).isEqualTo(201);
        assertThat(teamsCreated()).isEqualTo(before + 1);
    }

    /** Spring Security's firewall refuses these (Tomcat's own refusals are below). */
    @Test
    void pathsTheFirewallRefusesAre400Problems() {
        for (var path : new String[] {"/api//machines", "/api/machines/%2e%2e/teams", "/api/machines/a;b=c/x"}) {
            var answer = send("GET", path, basic, (String) null);
            assertProblem(answer, 400, "malformed-request");
        }
    }

    /**
     * Tomcat refuses an encoded NUL, {@code /} or {@code \} in the path before any filter runs; its error report
     * valve answers them. The client sends the path as written (java.net.http sends the URI's raw path).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/machines/a%00b", "/api/machines/a%2Fb", "/api/machines/a%5Cb", "/api/a%2f..%2fx"})
    void pathsTomcatRefusesAre400Problems(String path) {
        var answer = send("GET", path, basic, (String) null);
        assertProblem(answer, 400, "malformed-request");
        assertThat(answer.problem().path("title").asString()).isEqualTo("Malformed request");
        assertThat(answer.body()).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("apache");
    }

    /** Outside {@code /api} (the portal, a browser) the same refusal is a short plain text, never Tomcat's page. */
    @Test
    void pathsTomcatRefusesOutsideTheApiAreAShortPlainText() {
        var answer = send("GET", "/machines/a%2Fb", null, (String) null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("text/plain");
        assertThat(answer.body()).startsWith("400 Bad Request").doesNotContainIgnoringCase("<html")
                .doesNotContainIgnoringCase("tomcat");
    }

    @Test
    void apiClientsAreNeverRedirected() {
        var bad = Stream.of("Bearer hm_not-a-real-token", "Basic " + Base64.getEncoder().encodeToString(
                "admin:wrong".getBytes(StandardCharsets.UTF_8)), null);
        bad.forEach(authorization -> {
            for (var path : new String[] {"/api/machines", "/api/no-such-thing", "/api/users/x/password"}) {
                var answer = send("GET", path, authorization, (String) null);
                assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(401);
                assertThat(answer.contentType()).contains("application/problem+json");
            }
        });
    }

    private static String adminId() {
        return platform.jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'admin'")
                .query(String.class).single();
    }

    private static long teamsCreated() {
        return platform.jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.TeamCreated'")
                .query(Long.class).single();
    }

    private static long eventCount() {
        return platform.jdbc().sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).contains("application/problem+json");
        assertThat(answer.problem().path("type").asString()).isEqualTo("https://harbormaster.dev/problems/" + type);
        assertThat(answer.problem().path("status").asInt()).isEqualTo(status);
        assertThat(answer.body()).doesNotContain("<html", "Exception");
    }

    private static Answer send(String method, String path, String authorization, String json) {
        return send(method, path, authorization, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
    }

    private static Answer send(String method, String path, String authorization, HttpRequest.BodyPublisher body) {
        var request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return new Answer(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Answer(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        String contentType() {
            return header("Content-Type");
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }

        JsonNode problem() {
            return JSON.readTree(body());
        }
    }
}
