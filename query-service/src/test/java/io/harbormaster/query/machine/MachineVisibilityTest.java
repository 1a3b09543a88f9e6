package io.harbormaster.query.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.user.Caller;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.FindMachineQuery;
import io.harbormaster.api.machine.FindMachinesQuery;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineShared;
import io.harbormaster.api.machine.MachineSummary;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.query.testing.ReadModelDatabase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The machine list and detail show each caller only what they may see, in SQL, on a real PostgreSQL. */
class MachineVisibilityTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    final TeamId ops = TeamId.random();
    final TeamId qa = TeamId.random();
    final UserId opsViewer = UserId.random();
    final UserId qaMember = UserId.random();
    final UserId holderOutside = UserId.random();
    final UserId sharedWith = UserId.random();
    final UserId stranger = UserId.random();

    JdbcClient jdbc;
    MachineListProjection projection;
    MachineQueries queries;
    MachineId opsMachine;
    MachineId qaMachine;
    MachineId sharedToQa;
    MachineId heldOutside;
    MachineId sharedToUser;

    @BeforeEach
    void machines() {
        jdbc = ReadModelDatabase.fresh();
        projection = new MachineListProjection(jdbc);
        queries = new MachineQueries(jdbc);
        member(ops, opsViewer, "VIEWER");
        member(qa, qaMember, "MEMBER");
        opsMachine = machine("ops-1", ops, UserId.random());
        qaMachine = machine("qa-1", qa, qaMember);
        sharedToQa = machine("ops-2", ops, UserId.random());
        projection.on(new MachineShared(sharedToQa, Grantee.team(qa), ShareRole.VIEWER), 1, T0);
        heldOutside = machine("ops-3", ops, holderOutside);
        sharedToUser = machine("ops-4", ops, UserId.random());
        projection.on(new MachineShared(sharedToUser, Grantee.user(sharedWith), ShareRole.MEMBER), 1, T0);
    }

    void member(TeamId team, UserId user, String role) {
        jdbc.sql("INSERT INTO rm_team (id, name, created_at, version) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING")
                .params(UUID.fromString(team.value()), "t" + team.value(), T0.atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("INSERT INTO rm_team_member (team_id, user_id, role, since) VALUES (?, ?, ?, ?)")
                .params(UUID.fromString(team.value()), UUID.fromString(user.value()), role,
                        T0.atOffset(ZoneOffset.UTC)).update();
    }

    MachineId machine(String name, TeamId team, UserId holder) {
        var id = MachineId.random();
        projection.on(new MachineCreated(id, team, MachineName.of(name), "none", DriverOptions.none(), holder), 0, T0);
        return id;
    }

    java.util.List<MachineId> visibleTo(UserId user, boolean admin) {
        var page = queries.handle(new FindMachinesQuery(MachineFilter.any(), PageRequest.first(), new Caller(user, admin)));
        assertThat(page.total()).isEqualTo(page.items().size());
        return page.items().stream().map(MachineSummary::id).toList();
    }

    @Test
    void eachCallerSeesTheirTeamsMachines_theirHeldOnes_andTheirShares() {
        assertThat(visibleTo(opsViewer, false)).containsExactlyInAnyOrder(opsMachine, sharedToQa, heldOutside,
                sharedToUser);
        assertThat(visibleTo(qaMember, false)).containsExactlyInAnyOrder(qaMachine, sharedToQa);
        assertThat(visibleTo(holderOutside, false)).containsExactly(heldOutside);
        assertThat(visibleTo(sharedWith, false)).containsExactly(sharedToUser);
        assertThat(visibleTo(stranger, false)).isEmpty();
        assertThat(visibleTo(stranger, true)).hasSize(5);
    }

    @Test
    void filtersStillApply_andCountOnlyVisibleMachines() {
        var page = queries.handle(new FindMachinesQuery(new MachineFilter(ops, null, null, null, null),
                PageRequest.first(), new Caller(qaMember, false)));
        assertThat(page.items()).extracting(MachineSummary::id).containsExactly(sharedToQa);
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void detailOfAnInvisibleMachineIsLikeAnUnknownOne() {
        assertThat(queries.handle(new FindMachineQuery(opsMachine, new Caller(qaMember, false)))).isNull();
        assertThat(queries.handle(new FindMachineQuery(sharedToQa, new Caller(qaMember, false)))).isNotNull();
        assertThat(queries.handle(new FindMachineQuery(opsMachine, null))).isNull();
    }
}
