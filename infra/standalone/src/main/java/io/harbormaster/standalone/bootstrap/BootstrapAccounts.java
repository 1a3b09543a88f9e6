package io.harbormaster.standalone.bootstrap;

import io.harbormaster.api.user.UserId;
import io.harbormaster.security.account.AccountStore;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** What the bootstrap needs to know about accounts and teams, read from the write side's own tables. */
@Component
class BootstrapAccounts {

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final PasswordEncoder encoder;

    BootstrapAccounts(JdbcClient jdbc, AccountStore accounts, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    boolean adminWithPasswordExists() {
        return jdbc.sql("SELECT count(*) FROM sec_account WHERE platform_admin AND password_hash IS NOT NULL")
                .query(Long.class).single() > 0;
    }

    Optional<UserId> userIdOf(String username) {
        return jdbc.sql("SELECT user_id::text FROM sec_account WHERE username = :u").param("u", username)
                .query(String.class).optional().map(UserId::of);
    }

    boolean teamExists(String name) {
        return jdbc.sql("SELECT count(*) FROM cmd_teams WHERE lower(name) = lower(:n)").param("n", name)
                .query(Long.class).single() > 0;
    }

    void setPassword(UserId userId, String password) {
        accounts.setPasswordHash(userId, encoder.encode(password), Instant.now());
    }
}
