package io.harbormaster.security.account;

import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.PlatformAdminChanged;
import io.harbormaster.api.user.UserRegistered;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sign-in accounts. An account appears in the same transaction as its {@link UserRegistered} event (subscribing
 * processor), so a registered user can always be given a password; the hash itself never enters an event.
 */
@Component
@ProcessingGroup(AccountStore.PROCESSING_GROUP)
public class AccountStore implements UserDetailsService {

    public static final String PROCESSING_GROUP = "security-accounts";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered event) {
        jdbc.sql("""
                        INSERT INTO sec_account (user_id, username, platform_admin) VALUES (:id, :username, :admin)
                        ON CONFLICT (user_id) DO NOTHING""")
                .param("id", UUID.fromString(event.userId().value()))
                .param("username", event.username().value())
                .param("admin", event.platformAdmin())
                .update();
    }

    @EventHandler
    void on(PlatformAdminChanged event) {
        jdbc.sql("UPDATE sec_account SET platform_admin = :admin WHERE user_id = :id")
                .param("id", UUID.fromString(event.userId().value()))
                .param("admin", event.platformAdmin())
                .update();
    }

    @Override
    public Account loadUserByUsername(String username) {
        return findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT user_id, username, platform_admin, password_hash, enabled FROM sec_account WHERE username = :u")
                .param("u", username)
                .query((rs, row) -> new Account(UserId.of(rs.getString(1)), rs.getString(2), rs.getBoolean(3),
                        rs.getString(4), rs.getBoolean(5)))
                .optional();
    }

    public boolean exists(UserId userId) {
        return jdbc.sql("SELECT count(*) FROM sec_account WHERE user_id = :id")
                .param("id", UUID.fromString(userId.value())).query(Long.class).single() > 0;
    }

    /** Whether the account is a platform admin's; false for an unknown one. */
    public boolean isPlatformAdmin(UserId userId) {
        return jdbc.sql("SELECT count(*) FROM sec_account WHERE user_id = :id AND platform_admin")
                .param("id", UUID.fromString(userId.value())).query(Long.class).single() > 0;
    }

    public boolean anyAdmin() {
        return jdbc.sql("SELECT count(*) FROM sec_account WHERE platform_admin").query(Long.class).single() > 0;
    }

    /** Stores an already hashed password; returns false when there is no such account. */
    public boolean setPasswordHash(UserId userId, String hash, Instant at) {
        return jdbc.sql("UPDATE sec_account SET password_hash = :hash, password_set_at = :at WHERE user_id = :id")
                .param("hash", hash)
                .param("at", java.sql.Timestamp.from(at))
                .param("id", UUID.fromString(userId.value()))
                .update() == 1;
    }
}
