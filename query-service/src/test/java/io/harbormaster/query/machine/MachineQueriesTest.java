package io.harbormaster.query.machine;

import static io.harbormaster.query.TestCallers.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.FindMachineQuery;
import io.harbormaster.api.machine.FindMachinesQuery;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachinePage;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineShared;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.MachineSummary;
import io.harbormaster.api.machine.ProvisioningStarted;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.Username;
import io.harbormaster.query.testing.ReadModelDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Filters, paging, idempotency and reset of the machine list, on a real PostgreSQL. */
class MachineQueriesTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final List<String> TABLES = List.of("rm_machine", "rm_machine_share", "rm_machine_removed",
            "rm_machine_user_name", "rm_machine_team_name");

    final TeamId ops = TeamId.random();
    final TeamId qa = TeamId.random();
    final UserId alice = UserId.random();
    final UserId bob = UserId.random();

    JdbcClient jdbc;
    MachineListProjection projection;
    MachineQueries queries;

    @BeforeEach
    void machines() {
        jdbc = ReadModelDatabase.fresh();
        projection = new MachineListProjection(jdbc);
        queries = new MachineQueries(jdbc);
        projection.on(new UserRegistered(alice, Username.of("alice"), "Alice", true));
        projection.on(new UserRegistered(bob, Username.of("bob"), "Bob", false));
        projection.on(new TeamCreated(ops, TeamName.of("ops"), alice));
        projection.on(new TeamCreated(qa, TeamName.of("qa"), bob));
        var web1 = machine("web-1", ops, "generic", alice);
        machine("web-2", ops, "amazonec2", bob);
        var web10 = machine("web-10", qa, "generic", bob);
        machine("db-1", ops, "none", alice);
        projection.on(new MachineProvisioned(web1, "tcp://10.0.0.1:2376"), 1, T0);
        projection.on(new MachineProvisioned(web10, "tcp://10.0.0.10:2376"), 1, T0);
    }

    MachineId machine(String name, TeamId team, String driver, UserId holder) {
        var id = MachineId.random();
        projection.on(new MachineCreated(id, team, MachineName.of(name), driver, DriverOptions.none(), holder), 0, T0);
        return id;
    }

    MachinePage find(MachineFilter filter, int page, int size) {
        return queries.handle(new FindMachinesQuery(filter, new PageRequest(page, size), ADMIN));
    }

    List<String> names(MachineFilter filter) {
        return find(filter, 0, 50).items().stream().map(MachineSummary::name).toList();
    }

    @Test
    void eachFilterNarrowsTheList() {
        assertThat(names(new MachineFilter(ops, null, null, null, null))).containsExactly("db-1", "web-1", "web-2");
        assertThat(names(new MachineFilter(null, MachineState.Running, null, null, null))).containsExactly("web-1", "web-10");
        assertThat(names(new MachineFilter(null, null, "generic", null, null))).containsExactly("web-1", "web-10");
        assertThat(names(new MachineFilter(null, null, null, bob, null))).containsExactly("web-2", "web-10");
        assertThat(names(new MachineFilter(ops, MachineState.Running, "generic", alice, null))).containsExactly("web-1");
    }

    @Test
    void nameFilter_isARegularExpressionFoundAnywhereInTheName() {
        assertThat(names(new MachineFilter(null, null, null, null, "web"))).containsExactly("web-1", "web-2", "web-10");
        assertThat(names(new MachineFilter(null, null, null, null, "-1"))).containsExactly("db-1", "web-1", "web-10");
        assertThat(names(new MachineFilter(null, null, null, null, "b-[0-9]$"))).containsExactly("db-1", "web-1", "web-2");
        assertThat(names(new MachineFilter(null, null, null, null, "^web-1$"))).containsExactly("web-1");
        assertThat(names(new MachineFilter(null, null, null, null, "db-1|web-2"))).containsExactly("db-1", "web-2");
    }

    @Test
    void nameFilter_ignoresCase_asNameUniquenessDoes() {
        assertThat(names(new MachineFilter(null, null, null, null, "WEB-1"))).containsExactly("web-1", "web-10");
        assertThat(names(new MachineFilter(null, null, null, null, "^Db-[0-9]$"))).containsExactly("db-1");
    }

    @Test
    void aPatternPostgresqlRejects_isRefusedAsAnIllegalArgument() {
        var filter = new MachineFilter(null, null, null, null, "web\\p{L}");

        assertThatThrownBy(() -> find(filter, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name filter");
    }

    @Test
    void pagesCarryTheTotal() {
        var first = find(MachineFilter.any(), 0, 3);
        var second = find(MachineFilter.any(), 1, 3);

        assertThat(first.items()).extracting(MachineSummary::name).containsExactly("db-1", "web-1", "web-2");
        assertThat(second.items()).extracting(MachineSummary::name).containsExactly("web-10");
        assertThat(first.total()).isEqualTo(4);
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(3);
        assertThat(find(MachineFilter.any(), 5, 3).items()).isEmpty();
    }

    @Test
    void summariesCarryDenormalizedNamesAndTheDockerUrl() {
        var web1 = find(new MachineFilter(null, null, null, null, "web-1"), 0, 1).items().getFirst();

        assertThat(web1.teamName()).isEqualTo("ops");
        assertThat(web1.holderName()).isEqualTo("alice");
        assertThat(web1.dockerUrl()).isEqualTo("tcp://10.0.0.1:2376");
        assertThat(web1.state()).isEqualTo(MachineState.Running);
    }

    @Test
    void handlingTheSameEventsTwice_changesNothing() {
        var id = MachineId.random();
        var created = new MachineCreated(id, ops, MachineName.of("twice"), "generic", DriverOptions.none(), alice);
        projection.on(created, 0, T0);
        projection.on(new ProvisioningStarted(id, "debian"), 1, T0.plusSeconds(1));
        projection.on(new MachineShared(id, Grantee.team(qa), ShareRole.MEMBER), 2, T0.plusSeconds(2));
        projection.on(new MachineStopped(id), 3, T0.plusSeconds(3));
        var before = ReadModelDatabase.snapshot(jdbc, TABLES);

        projection.on(created, 0, T0);
        projection.on(new ProvisioningStarted(id, "debian"), 1, T0.plusSeconds(1));
        projection.on(new MachineShared(id, Grantee.team(qa), ShareRole.MEMBER), 2, T0.plusSeconds(2));
        projection.on(new MachineStopped(id), 3, T0.plusSeconds(3));
        projection.on(new UserRegistered(alice, Username.of("alice"), "Alice", true));

        assertThat(ReadModelDatabase.snapshot(jdbc, TABLES)).isEqualTo(before);
        assertThat(queries.handle(new FindMachineQuery(id, ADMIN)).state())
                .as("an older event arriving late does not win").isEqualTo(MachineState.Stopped);
    }

    @Test
    void resetHandler_emptiesExactlyTheMachineListTables() {
        jdbc.sql("INSERT INTO rm_user (id, username, admin, registered_at) VALUES (gen_random_uuid(), 'x', false, now())")
                .update();

        projection.reset();

        for (var table : TABLES) {
            assertThat(ReadModelDatabase.count(jdbc, table)).as(table).isZero();
        }
        assertThat(ReadModelDatabase.count(jdbc, "rm_user")).as("another projection's table").isEqualTo(1);
    }

    @Test
    void axonCanDispatchToTheHandlers_andResetThem() throws Exception {
        var adapter = new AnnotationEventHandlerAdapter(projection);
        var id = MachineId.random();
        var created = new MachineCreated(id, ops, MachineName.of("via-axon"), "none", DriverOptions.none(), alice);

        adapter.handle(new GenericDomainEventMessage<>("Machine", id.value(), 0, created, Map.of(), "e-1", T0));
        adapter.handle(new GenericDomainEventMessage<>("Machine", id.value(), 1,
                new MachineProvisioned(id, "tcp://h:2376"), Map.of(), "e-2", T0.plusSeconds(5)));

        var detail = queries.handle(new FindMachineQuery(id, ADMIN));
        assertThat(detail.version()).isEqualTo(1);
        assertThat(detail.updatedAt()).isEqualTo(T0.plusSeconds(5));

        adapter.prepareReset();

        assertThat(ReadModelDatabase.count(jdbc, "rm_machine")).isZero();
    }
}
