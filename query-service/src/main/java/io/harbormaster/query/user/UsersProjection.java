package io.harbormaster.query.user;

import io.harbormaster.api.user.FindUsersQuery;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserList;
import io.harbormaster.api.user.PlatformAdminChanged;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.UserSummary;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projects {@code UserRegistered} into {@code rm_user} and answers the user list. Small enough to keep the query
 * handler beside the event handler. Token events are deliberately not followed: they are nobody else's business.
 */
@Component
@ProcessingGroup(UsersProjection.PROCESSING_GROUP)
public class UsersProjection {

    public static final String PROCESSING_GROUP = "users";

    private final JdbcClient jdbc;

    public UsersProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered e, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO rm_user (id, username, display_name, admin, registered_at)
                VALUES (:id, :username, :displayName, :admin, :at)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", UUID.fromString(e.userId().value()))
                .param("username", e.username().value())
                .param("displayName", e.displayName())
                .param("admin", e.platformAdmin())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(PlatformAdminChanged e) {
        jdbc.sql("UPDATE rm_user SET admin = :admin WHERE id = :id")
                .param("id", UUID.fromString(e.userId().value()))
                .param("admin", e.platformAdmin())
                .update();
    }

    @QueryHandler
    UserList handle(FindUsersQuery query) {
        return new UserList(jdbc.sql("SELECT * FROM rm_user ORDER BY username, id")
                .query((rs, n) -> new UserSummary(UserId.of(rs.getString("id")), rs.getString("username"),
                        rs.getString("display_name"), rs.getBoolean("admin"),
                        rs.getObject("registered_at", OffsetDateTime.class).toInstant()))
                .list());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_user").update();
    }
}
