package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.user.IssueApiTokenCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.web.Commands;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal API tokens end to end on a real platform: created over Basic, used as {@code Authorization: Bearer},
 * listed without secrets, revoked and expired tokens refused, events with name and expiry but no secret.
 */
class ApiTokenIntegrationTest {

    private static final String PASSWORD = "ada-password-for-token-tests";
    private static RunningPlatform platform;
    private static String team;
    private static String adaId;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
        var admin = platform.admin();
        team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        adaId = admin.post("/api/users", """
                {"username":"ada","displayName":"Ada","platformAdmin":false}""").text("userId");
        assertThat(admin.put("/api/users/" + adaId + "/password", """
                {"password":"%s"}""".formatted(PASSWORD)).status()).isEqualTo(204);
        assertThat(admin.post("/api/teams/" + team + "/members", """
                {"userId":"%s","role":"MEMBER"}""".formatted(adaId)).status()).isLessThan(300);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static TokenClient ada() {
        return TokenClient.basic(platform, "ada", PASSWORD);
    }

    private static TokenClient.Result issue(String name, int days) {
        var issued = ada().post("/api/tokens", """
                {"name":"%s","expiresInDays":%d}""".formatted(name, days));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued;
    }

    @Test
    void aTokenCallsTheApiAsItsOwner_andTheMachineItCreatesCarriesTheOwnerAsActor() {
        var issued = issue("laptop", 30);
        var token = issued.text("token");
        assertThat(token).startsWith("hm_").hasSizeGreaterThan(40);
        assertThat(Instant.parse(issued.text("expiresAt")))
                .isBetween(Instant.now().plus(Duration.ofDays(30)).minusSeconds(120), Instant.now().plus(Duration.ofDays(30)));

        var asToken = TokenClient.bearer(platform, token);
        assertThat(asToken.get("/api/machines").status()).isEqualTo(200);
        var created = asToken.post("/api/machines", BadInputIntegrationTest.machine(team, "token-1", "none",
                "tcp://10.213.0.80:2376"));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        var machineId = created.text("machineId");

        var metadata = platform.jdbc().sql("""
                        SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND payload_type LIKE '%MachineCreated'""")
                .param("id", machineId).query(String.class).single();
        assertThat(metadata).contains("\"actorName\":\"ada\"", "\"actorId\":\"" + adaId + "\"");
        var lastUsed = platform.jdbc().sql("SELECT last_used_at IS NOT NULL FROM sec_api_token WHERE token_id = :id::uuid")
                .param("id", issued.text("tokenId")).query(Boolean.class).single();
        assertThat(lastUsed).isTrue();
    }

    @Test
    void theListShowsNameExpiryAndUseButNeverTheSecretOrItsHash() {
        var issued = issue("ci-runner", 7);
        var hash = platform.jdbc().sql("SELECT token_hash FROM sec_api_token WHERE token_id = :id::uuid")
                .param("id", issued.text("tokenId")).query(String.class).single();
        var list = ada().get("/api/tokens");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(issued.text("tokenId"), "ci-runner", "expiresAt", "createdAt", "lastUsedAt",
                "\"revoked\":false");
        assertThat(list.body()).doesNotContain(issued.text("token"), hash, "token\":", "hash");
    }

    @Test
    void aRevokedTokenIsRefused_andRevokingTwiceIsFine() {
        var issued = issue("to-revoke", 30);
        var asToken = TokenClient.bearer(platform, issued.text("token"));
        assertThat(asToken.get("/api/machines").status()).isEqualTo(200);

        assertThat(ada().delete("/api/tokens/" + issued.text("tokenId")).status()).isEqualTo(204);
        var refused = asToken.get("/api/machines");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("type")).endsWith("/invalid-token");
        assertThat(ada().delete("/api/tokens/" + issued.text("tokenId")).status()).isEqualTo(204);
        assertThat(ada().get("/api/tokens").body()).contains("\"revoked\":true");
        assertThat(ada().delete("/api/tokens/7d3f0a4e-1111-4222-8333-944455556666").status()).isEqualTo(404);
    }

    @Test
    void anExpiredTokenIsRefused() {
        var issued = issue("short-lived", 1);
        var asToken = TokenClient.bearer(platform, issued.text("token"));
        assertThat(asToken.get("/api/machines").status()).isEqualTo(200);
        platform.jdbc().sql("UPDATE sec_api_token SET expires_at = now() - interval '1 minute' WHERE token_id = :id::uuid")
                .param("id", issued.text("tokenId")).update();
        assertThat(asToken.get("/api/machines").status()).isEqualTo(401);
    }

    @Test
    void issuedAndRevokedAreEventsWithNameAndExpiryButNoSecret() {
        var issued = issue("events-check", 30);
        var tokenId = issued.text("tokenId");
        assertThat(ada().delete("/api/tokens/" + tokenId).status()).isEqualTo(204);
        var hash = platform.jdbc().sql("SELECT token_hash FROM sec_api_token WHERE token_id = :id::uuid")
                .param("id", tokenId).query(String.class).single();

        var events = platform.jdbc().sql("""
                        SELECT payload_type || ' ' || convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8')
                        FROM domain_event_entry WHERE aggregate_identifier = :user AND payload_type LIKE '%ApiToken%'
                        AND convert_from(payload, 'UTF8') LIKE '%' || :token || '%' ORDER BY sequence_number""")
                .param("user", adaId).param("token", tokenId).query(String.class).list();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains("ApiTokenIssued", "events-check", "expiresAt", "\"actorName\":\"ada\"");
        assertThat(events.get(1)).contains("ApiTokenRevoked");
        assertThat(String.join("", events)).doesNotContain(issued.text("token"), hash);
    }

    @Test
    void badRequestsAreProblems_andOtherUsersTokensAreForPlatformAdminsOnly() {
        assertThat(ada().post("/api/tokens", "{\"name\":\"x\",\"expiresInDays\":0}").status()).isEqualTo(400);
        assertThat(ada().post("/api/tokens", "{\"name\":\"x\",\"expiresInDays\":366}").status()).isEqualTo(400);
        var noName = ada().post("/api/tokens", "{\"name\":\" \"}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.text("type")).endsWith("/invalid-command");
        assertThat(ada().post("/api/tokens", "{\"name\":\"%s\"}".formatted("n".repeat(65))).status()).isEqualTo(400);
        assertThat(ada().get("/api/users/" + adaId + "/tokens").status()).isEqualTo(403);

        var issued = issue("admin-revokes", 30);
        var admin = TokenClient.basic(platform, "admin", RunningPlatform.ADMIN_PASSWORD);
        assertThat(admin.get("/api/users/" + adaId + "/tokens").body()).contains("admin-revokes");
        assertThat(admin.delete("/api/users/" + adaId + "/tokens/" + issued.text("tokenId")).status()).isEqualTo(204);
        assertThat(TokenClient.bearer(platform, issued.text("token")).get("/api/machines").status()).isEqualTo(401);
        // A token issued without an expiry lasts 30 days.
        var defaulted = ada().post("/api/tokens", "{\"name\":\"default-expiry\"}");
        assertThat(defaulted.status()).isEqualTo(201);
        assertThat(Instant.parse(defaulted.text("expiresAt"))).isAfter(Instant.now().plus(Duration.ofDays(29)));
    }

    /** What the token controller relies on: the command's event is appended in the caller's transaction. */
    @Test
    void anIssueCommandRolledBackWithItsTransactionLeavesNoEvent() {
        var tokenId = UUID.randomUUID().toString();
        new TransactionTemplate(platform.bean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            platform.bean(Commands.class).send(new IssueApiTokenCommand(UserId.of(adaId), tokenId, "rolled-back",
                    Instant.now().plusSeconds(60)));
            status.setRollbackOnly();
        });
        var events = platform.jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') "
                + "LIKE '%' || :token || '%'").param("token", tokenId).query(Long.class).single();
        assertThat(events).isZero();
    }
}
