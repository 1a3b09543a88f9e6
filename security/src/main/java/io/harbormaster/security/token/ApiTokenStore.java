package io.harbormaster.security.token;

import io.harbormaster.api.user.ApiTokenRevoked;
import io.harbormaster.api.user.UserId;
import io.harbormaster.security.account.Account;
import io.harbormaster.security.account.AccountStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hashes of personal API tokens ({@code sec_api_token}). Rows are inserted by {@link ApiTokenController} in the
 * transaction that appends {@code ApiTokenIssued}; revocation is recorded by the subscribing handler below, in the
 * transaction of {@code ApiTokenRevoked}, so a revoked token stops working the moment the revoke call returns.
 */
@Component
@ProcessingGroup(AccountStore.PROCESSING_GROUP)
public class ApiTokenStore {

    /** How stale {@code last_used_at} may get: one write a minute per busy token, not one per request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a listing shows: never the secret, never the hash. */
    record TokenSummary(String tokenId, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            boolean revoked) {
    }

    /** A token found by its hash, with its owner's account. */
    record FoundToken(String tokenId, String name, Account account, Instant expiresAt, Instant lastUsedAt,
            boolean revoked) {
    }

    void insert(String tokenId, UserId userId, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO sec_api_token (token_id, user_id, name, token_hash, created_at, expires_at)
                        VALUES (:id, :user, :name, :hash, :created, :expires)""")
                .param("id", UUID.fromString(tokenId))
                .param("user", UUID.fromString(userId.value()))
                .param("name", name)
                .param("hash", tokenHash)
                .param("created", java.sql.Timestamp.from(createdAt))
                .param("expires", java.sql.Timestamp.from(expiresAt))
                .update();
    }

    List<TokenSummary> listFor(UserId userId) {
        return jdbc.sql("""
                        SELECT token_id::text, name, created_at, expires_at, last_used_at, revoked_at IS NOT NULL
                        FROM sec_api_token WHERE user_id = :user ORDER BY created_at, token_id""")
                .param("user", UUID.fromString(userId.value()))
                .query((rs, row) -> new TokenSummary(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), rs.getBoolean(6)))
                .list();
    }

    Optional<FoundToken> findByHash(String tokenHash) {
        return jdbc.sql("""
                        SELECT t.token_id::text, t.expires_at, t.last_used_at, t.revoked_at IS NOT NULL,
                               a.user_id::text, a.username, a.platform_admin, a.password_hash, a.enabled, t.name
                        FROM sec_api_token t JOIN sec_account a ON a.user_id = t.user_id
                        WHERE t.token_hash = :hash""")
                .param("hash", tokenHash)
                .query((rs, row) -> new FoundToken(rs.getString(1), rs.getString(10),
                        new Account(UserId.of(rs.getString(5)), rs.getString(6), rs.getBoolean(7), rs.getString(8),
                                rs.getBoolean(9)),
                        instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)), rs.getBoolean(4)))
                .optional();
    }

    /**
     * Whether {@code tokenId}, exactly as written, names a token issued to {@code userId}: compared as text, like the
     * User aggregate compares ids, so neither another spelling of the UUID nor a non-UUID id matches.
     */
    boolean issuedTo(UserId userId, String tokenId) {
        return jdbc.sql("SELECT count(*) FROM sec_api_token WHERE user_id = :user AND token_id::text = :id")
                .param("user", UUID.fromString(userId.value()))
                .param("id", tokenId)
                .query(Long.class).single() > 0;
    }

    /** Records a use, unless one was recorded less than {@link #LAST_USED_RESOLUTION} ago. */
    void touch(FoundToken token, Instant now) {
        if (token.lastUsedAt() != null && token.lastUsedAt().isAfter(now.minus(LAST_USED_RESOLUTION))) {
            return;
        }
        jdbc.sql("""
                        UPDATE sec_api_token SET last_used_at = :now WHERE token_id = :id
                        AND (last_used_at IS NULL OR last_used_at < :stale)""")
                .param("now", java.sql.Timestamp.from(now))
                .param("stale", java.sql.Timestamp.from(now.minus(LAST_USED_RESOLUTION)))
                .param("id", UUID.fromString(token.tokenId()))
                .update();
    }

    @EventHandler
    void on(ApiTokenRevoked event, @Timestamp Instant at) {
        jdbc.sql("UPDATE sec_api_token SET revoked_at = :at WHERE token_id = :id AND revoked_at IS NULL")
                .param("at", java.sql.Timestamp.from(at))
                .param("id", UUID.fromString(event.tokenId()))
                .update();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
