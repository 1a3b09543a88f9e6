package io.harbormaster.security.oidc;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.security.account.Account;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The (issuer, subject) pairs of {@code sec_oidc_identity} and the few lookups the mapping needs: accounts
 * ({@code sec_account}), team names and memberships (the command side's {@code cmd_teams}, {@code cmd_team_members},
 * kept in the transaction of their events, so they are never behind).
 */
class OidcIdentityStore {

    private final JdbcClient jdbc;

    OidcIdentityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserId> userOf(String issuer, String subject) {
        return jdbc.sql("SELECT user_id::text FROM sec_oidc_identity WHERE issuer = :issuer AND subject = :subject")
                .param("issuer", issuer).param("subject", subject)
                .query(String.class).optional().map(UserId::of);
    }

    void link(String issuer, String subject, UserId userId, Instant at) {
        jdbc.sql("""
                        INSERT INTO sec_oidc_identity (issuer, subject, user_id, created_at, last_sign_in_at)
                        VALUES (:issuer, :subject, :user, :at, :at)""")
                .param("issuer", issuer).param("subject", subject)
                .param("user", UUID.fromString(userId.value())).param("at", Timestamp.from(at))
                .update();
    }

    void signedIn(String issuer, String subject, Instant at) {
        jdbc.sql("UPDATE sec_oidc_identity SET last_sign_in_at = :at WHERE issuer = :issuer AND subject = :subject")
                .param("issuer", issuer).param("subject", subject).param("at", Timestamp.from(at))
                .update();
    }

    Optional<Account> account(UserId userId) {
        return jdbc.sql("SELECT user_id, username, platform_admin, password_hash, enabled FROM sec_account WHERE user_id = :id")
                .param("id", UUID.fromString(userId.value()))
                // The password hash stays here: an OIDC principal never carries one.
                .query((rs, row) -> new Account(UserId.of(rs.getString(1)), rs.getString(2), rs.getBoolean(3), null,
                        rs.getBoolean(5)))
                .optional();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT count(*) FROM sec_account WHERE username = :u").param("u", username)
                .query(Long.class).single() > 0
                || jdbc.sql("SELECT count(*) FROM cmd_users WHERE username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    /** The team with this name, ignoring case as team names do. */
    Optional<TeamId> teamNamed(String name) {
        return jdbc.sql("SELECT team_id::text FROM cmd_teams WHERE lower(name) = lower(:name)")
                .param("name", name).query(String.class).optional().map(TeamId::of);
    }

    boolean isMember(TeamId team, UserId user) {
        return jdbc.sql("SELECT count(*) FROM cmd_team_members WHERE team_id = :team AND user_id = :user")
                .param("team", UUID.fromString(team.value())).param("user", UUID.fromString(user.value()))
                .query(Long.class).single() > 0;
    }
}
