package io.harbormaster.query.team;

import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.MemberRemoved;
import io.harbormaster.api.team.MemberRoleChanged;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projects teams and memberships into {@code rm_team} and {@code rm_team_member}. Member changes apply only when the
 * event's sequence number is above the team's stored version, so a redelivered {@code MemberAdded} cannot bring back
 * a member who has since left. Usernames come from its own {@code rm_team_user}, filled from {@code UserRegistered}.
 */
@Component
@ProcessingGroup(TeamsProjection.PROCESSING_GROUP)
public class TeamsProjection {

    public static final String PROCESSING_GROUP = "teams";

    private final JdbcClient jdbc;

    public TeamsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TeamCreated e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO rm_team (id, name, created_at, version) VALUES (:id, :name, :at, :seq)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", uuid(e.teamId())).param("name", e.name().value())
                .param("at", timestamp(at)).param("seq", seq)
                .update();
    }

    @EventHandler
    void on(MemberAdded e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.teamId(), seq)) {
            jdbc.sql("""
                    INSERT INTO rm_team_member (team_id, user_id, role, since, username, display_name)
                    SELECT :team, :user, :role, :at, u.username, u.display_name
                    FROM (SELECT 1) AS one LEFT JOIN rm_team_user u ON u.user_id = :user
                    ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role, since = excluded.since""")
                    .param("team", uuid(e.teamId())).param("user", uuid(e.userId()))
                    .param("role", e.role().name()).param("at", timestamp(at))
                    .update();
        }
    }

    @EventHandler
    void on(MemberRoleChanged e, @SequenceNumber long seq) {
        if (advance(e.teamId(), seq)) {
            jdbc.sql("UPDATE rm_team_member SET role = :role WHERE team_id = :team AND user_id = :user")
                    .param("team", uuid(e.teamId())).param("user", uuid(e.userId())).param("role", e.role().name())
                    .update();
        }
    }

    @EventHandler
    void on(MemberRemoved e, @SequenceNumber long seq) {
        if (advance(e.teamId(), seq)) {
            jdbc.sql("DELETE FROM rm_team_member WHERE team_id = :team AND user_id = :user")
                    .param("team", uuid(e.teamId())).param("user", uuid(e.userId()))
                    .update();
        }
    }

    /** Remembers the name and fills it into memberships recorded before the user was known here. */
    @EventHandler
    void on(UserRegistered e) {
        jdbc.sql("""
                INSERT INTO rm_team_user (user_id, username, display_name) VALUES (:user, :username, :displayName)
                ON CONFLICT (user_id) DO NOTHING""")
                .param("user", uuid(e.userId())).param("username", e.username().value())
                .param("displayName", e.displayName())
                .update();
        jdbc.sql("""
                UPDATE rm_team_member SET username = :username, display_name = :displayName
                WHERE user_id = :user AND username IS NULL""")
                .param("user", uuid(e.userId())).param("username", e.username().value())
                .param("displayName", e.displayName())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_team_member, rm_team, rm_team_user").update();
    }

    private boolean advance(TeamId team, long seq) {
        return jdbc.sql("UPDATE rm_team SET version = :seq WHERE id = :id AND version < :seq")
                .param("id", uuid(team)).param("seq", seq)
                .update() == 1;
    }

    static UUID uuid(TeamId id) {
        return UUID.fromString(id.value());
    }

    static UUID uuid(UserId id) {
        return UUID.fromString(id.value());
    }

    static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
