package io.harbormaster.query.team;

import io.harbormaster.api.team.FindMembershipsQuery;
import io.harbormaster.api.team.FindTeamQuery;
import io.harbormaster.api.team.Memberships;
import io.harbormaster.api.team.FindTeamsQuery;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamList;
import io.harbormaster.api.team.TeamMember;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.team.TeamSummary;
import io.harbormaster.api.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.harbormaster.query.web.CallerAccess;
import org.springframework.stereotype.Component;

/** Answers the team queries from the teams read model. */
@Component
class TeamQueries {

    private final JdbcClient jdbc;

    TeamQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    TeamList handle(FindTeamsQuery query) {
        return new TeamList(jdbc.sql("""
                        SELECT t.id, t.name, t.created_at, count(m.user_id) AS member_count
                        FROM rm_team t LEFT JOIN rm_team_member m ON m.team_id = t.id
                        WHERE """ + CallerAccess.teamVisible("t.id") + " " + """
                        GROUP BY t.id, t.name, t.created_at
                        ORDER BY t.name, t.id""")
                .params(CallerAccess.params(query.caller()))
                .query((rs, n) -> new TeamSummary(TeamId.of(rs.getString("id")), rs.getString("name"),
                        rs.getInt("member_count"), instant(rs, "created_at")))
                .list());
    }

    /** The caller's own teams and role in each (also for platform admins: where they are members, not all teams). */
    @QueryHandler
    Memberships handle(FindMembershipsQuery query) {
        if (query.caller() == null) {
            return new Memberships(null, java.util.List.of());
        }
        var user = java.util.UUID.fromString(query.caller().userId().value());
        var displayName = jdbc.sql("SELECT display_name FROM rm_team_user WHERE user_id = :user")
                .param("user", user).query(String.class).optional().orElse(null);
        var teams = jdbc.sql("""
                        SELECT t.id, t.name, m.role FROM rm_team_member m JOIN rm_team t ON t.id = m.team_id
                        WHERE m.user_id = :user ORDER BY t.name, t.id""")
                .param("user", user)
                .query((rs, n) -> new Memberships.Membership(TeamId.of(rs.getString("id")), rs.getString("name"),
                        TeamRole.valueOf(rs.getString("role"))))
                .list();
        return new Memberships(displayName, teams);
    }

    @QueryHandler
    TeamDetail handle(FindTeamQuery query) {
        var id = TeamsProjection.uuid(query.teamId());
        var visible = jdbc.sql("SELECT " + CallerAccess.teamVisible(":id"))
                .param("id", id).params(CallerAccess.params(query.caller())).query(Boolean.class).single();
        if (!visible) {
            return null;
        }
        var members = jdbc.sql("""
                        SELECT user_id, username, display_name, role, since FROM rm_team_member
                        WHERE team_id = :id ORDER BY username NULLS LAST, user_id""")
                .param("id", id)
                .query(TeamQueries::member)
                .list();
        return jdbc.sql("SELECT id, name, created_at FROM rm_team WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new TeamDetail(TeamId.of(rs.getString("id")), rs.getString("name"), members,
                        instant(rs, "created_at")))
                .optional()
                .orElse(null);
    }

    private static TeamMember member(ResultSet rs, int rowNum) throws SQLException {
        return new TeamMember(UserId.of(rs.getString("user_id")), rs.getString("username"),
                rs.getString("display_name"), TeamRole.valueOf(rs.getString("role")), instant(rs, "since"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
