package io.harbormaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.StubServer.Answer;
import io.harbormaster.cli.TeamFixtures.Routes;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** hm tokens, tokens create and tokens revoke against a stub of the REST API. */
class HmTokensTest {

    private static final String LAPTOP = "6f1c2a9e-0000-4000-8000-000000000001";
    private static final String CI = "6f1c2a9e-0000-4000-8000-000000000002";
    private static final String OLD = "6f1c2a9e-0000-4000-8000-000000000003";
    private static final String SECRET = "hmp_s3cr3tT0k3nValue";

    private final StubServer server = new StubServer();
    private final Map<String, String> signedIn = Map.of(
            "HM_URL", server.url(), "HM_USER", "alice", "HM_PASSWORD", "pw");
    private final Routes routes = new Routes()
            .on("GET /api/tokens", Answer.json("""
                    [{"tokenId":"%s","name":"hm on laptop","createdAt":"2026-01-02T03:04:05Z",\
                    "expiresAt":"2099-02-01T03:04:05Z","lastUsedAt":"2026-01-20T10:00:00.5Z","revoked":false},\
                    {"tokenId":"%s","name":"ci","createdAt":"2026-01-05T00:00:00Z",\
                    "expiresAt":"2099-01-12T00:00:00Z","lastUsedAt":null,"revoked":false},\
                    {"tokenId":"%s","name":"ci","createdAt":"2025-01-05T00:00:00Z",\
                    "expiresAt":"2025-02-04T00:00:00Z","lastUsedAt":null,"revoked":true}]""".formatted(LAPTOP, CI, OLD)))
            .on("POST /api/tokens", new Answer(201, "application/json", """
                    {"tokenId":"%s","name":"nightly","expiresAt":"2026-01-12T00:00:00Z","token":"%s"}"""
                    .formatted(CI, SECRET)))
            .on("DELETE /api/tokens/" + CI, TeamFixtures.noContent());

    HmTokensTest() {
        server.answer(routes);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsTokensWithoutSecrets() {
        var result = Hm.run(signedIn, "tokens");

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                ID                                     NAME           CREATED                EXPIRES                LAST USED              STATE
                %s   hm on laptop   2026-01-02T03:04:05Z   2099-02-01T03:04:05Z   2026-01-20T10:00:00Z   active
                %s   ci             2026-01-05T00:00:00Z   2099-01-12T00:00:00Z   never                  active
                %s   ci             2025-01-05T00:00:00Z   2025-02-04T00:00:00Z   never                  revoked
                """.formatted(LAPTOP, CI, OLD));
    }

    @Test
    void listsTokensAsJson() {
        var result = Hm.run(signedIn, "tokens", "--format", "json");

        var tokens = JsonMapper.builder().build().readTree(result.out());
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.get(0).path("tokenId").stringValue()).isEqualTo(LAPTOP);
        assertThat(tokens.get(2).path("revoked").asBoolean()).isTrue();
        assertThat(result.out()).doesNotContain("token\"");
    }

    @Test
    void createPrintsTheTokenAloneOnStandardOutput() {
        var result = Hm.run(signedIn, "tokens", "create", "nightly", "--expires-in-days", "7");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(SECRET + "\n");
        assertThat(result.err()).isEqualTo("Created token 'nightly' (id " + CI + "), valid until "
                + "2026-01-12T00:00:00Z. This is the only time it is shown: store it now (e.g. as HM_TOKEN in your "
                + "CI's secrets). Revoke it with: hm tokens revoke " + CI + "\n");
        var request = server.requests.getLast();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/api/tokens");
        assertThat(request.body()).isEqualTo("{\"name\":\"nightly\",\"expiresInDays\":7}");
    }

    @Test
    void createRefusedShowsTheServersReason() {
        routes.on("POST /api/tokens", Answer.problem(400, """
                {"title":"Bad request","status":400,"detail":"name must be 1 to 64 characters"}"""));

        var result = Hm.run(signedIn, "tokens", "create", "x".repeat(65));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("Cannot create token '" + "x".repeat(65)
                + "': name must be 1 to 64 characters\n");
    }

    @Test
    void createChecksTheExpiryFirst() {
        var result = Hm.run(signedIn, "tokens", "create", "nightly", "--expires-in-days", "400");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("--expires-in-days must be 1 to 365; got 400\n");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void revokeById() {
        var result = Hm.run(signedIn, "tokens", "revoke", CI);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Revoked token 'ci' (" + CI + ").\n");
        assertThat(server.requests.getLast().method()).isEqualTo("DELETE");
        assertThat(server.requests.getLast().uri().getPath()).isEqualTo("/api/tokens/" + CI);
    }

    @Test
    void revokeByTheNameOfTheOnlyLiveToken() {
        var result = Hm.run(signedIn, "tokens", "revoke", "ci");

        assertThat(result.out()).isEqualTo("Revoked token 'ci' (" + CI + ").\n");
    }

    @Test
    void revokeOfAnUnknownTokenSaysSo() {
        var result = Hm.run(signedIn, "tokens", "revoke", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("You have no token 'nope' (by id or name). hm tokens lists yours.\n");
        assertThat(server.requests).noneMatch(r -> r.method().equals("DELETE"));
    }
}
