package io.harbormaster.query.team;

import static io.harbormaster.query.TestCallers.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.team.FindTeamQuery;
import io.harbormaster.api.team.FindTeamsQuery;
import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.MemberRemoved;
import io.harbormaster.api.team.MemberRoleChanged;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamMember;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.team.TeamSummary;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.Username;
import io.harbormaster.query.testing.ReadModelDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The teams projection as a plain object on a real PostgreSQL. */
class TeamsProjectionTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final List<String> TABLES = List.of("rm_team", "rm_team_member", "rm_team_user");

    final TeamId ops = TeamId.random();
    final TeamId qa = TeamId.random();
    final UserId alice = UserId.random();
    final UserId bob = UserId.random();

    JdbcClient jdbc;
    TeamsProjection projection;
    TeamQueries queries;

    @BeforeEach
    void teams() {
        jdbc = ReadModelDatabase.fresh();
        projection = new TeamsProjection(jdbc);
        queries = new TeamQueries(jdbc);
        projection.on(new UserRegistered(alice, Username.of("alice"), "Alice", true));
        projection.on(new TeamCreated(ops, TeamName.of("ops"), alice), 0, T0);
        projection.on(new MemberAdded(ops, alice, TeamRole.OWNER), 1, T0);
        projection.on(new TeamCreated(qa, TeamName.of("qa"), alice), 0, T0.plusSeconds(1));
    }

    @Test
    void teamList_isByName_withMemberCounts() {
        assertThat(queries.handle(new FindTeamsQuery(ADMIN)).teams()).containsExactly(
                new TeamSummary(ops, "ops", 1, T0),
                new TeamSummary(qa, "qa", 0, T0.plusSeconds(1)));
    }

    @Test
    void teamDetail_listsMembersWithUsernamesAndRoles() {
        var detail = queries.handle(new FindTeamQuery(ops, ADMIN));

        assertThat(detail.name()).isEqualTo("ops");
        assertThat(detail.createdAt()).isEqualTo(T0);
        assertThat(detail.members()).containsExactly(new TeamMember(alice, "alice", "Alice", TeamRole.OWNER, T0));
    }

    @Test
    void unknownTeam_isNull() {
        assertThat(queries.handle(new FindTeamQuery(TeamId.random(), ADMIN))).isNull();
    }

    @Test
    void aMemberRegisteredLater_getsTheirNameFilledIn() {
        projection.on(new MemberAdded(ops, bob, TeamRole.MEMBER), 2, T0.plusSeconds(5));
        projection.on(new UserRegistered(bob, Username.of("bob"), "Bob", false));

        assertThat(queries.handle(new FindTeamQuery(ops, ADMIN)).members()).extracting(TeamMember::username)
                .containsExactly("alice", "bob");
    }

    @Test
    void roleChangesAndRemovalsApply_andARedeliveredAddDoesNotBringAMemberBack() {
        projection.on(new UserRegistered(bob, Username.of("bob"), "Bob", false));
        var added = new MemberAdded(ops, bob, TeamRole.VIEWER);
        projection.on(added, 2, T0.plusSeconds(5));
        projection.on(new MemberRoleChanged(ops, bob, TeamRole.VIEWER, TeamRole.MEMBER), 3);

        assertThat(queries.handle(new FindTeamQuery(ops, ADMIN)).members()).extracting(TeamMember::role)
                .containsExactly(TeamRole.OWNER, TeamRole.MEMBER);

        projection.on(new MemberRemoved(ops, bob), 4);
        projection.on(added, 2, T0.plusSeconds(5));

        assertThat(queries.handle(new FindTeamQuery(ops, ADMIN)).members()).extracting(TeamMember::userId)
                .containsExactly(alice);
    }

    @Test
    void handlingTheSameEventsTwice_changesNothing() {
        var before = ReadModelDatabase.snapshot(jdbc, TABLES);

        projection.on(new UserRegistered(alice, Username.of("alice"), "Alice", true));
        projection.on(new TeamCreated(ops, TeamName.of("ops"), alice), 0, T0);
        projection.on(new MemberAdded(ops, alice, TeamRole.OWNER), 1, T0);

        assertThat(ReadModelDatabase.snapshot(jdbc, TABLES)).isEqualTo(before);
    }

    @Test
    void resetHandler_emptiesExactlyTheTeamTables() {
        projection.reset();

        for (var table : TABLES) {
            assertThat(ReadModelDatabase.count(jdbc, table)).as(table).isZero();
        }
        assertThat(queries.handle(new FindTeamsQuery(ADMIN)).teams()).isEmpty();
    }
}
