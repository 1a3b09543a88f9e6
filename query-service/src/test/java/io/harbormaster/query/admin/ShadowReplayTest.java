package io.harbormaster.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.user.UserId;
import io.harbormaster.query.testing.ReadModelDatabase;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The rebuild's replay into shadow tables on real PostgreSQL: the live tables untouched, parking, the swap. */
class ShadowReplayTest {

    static final TeamId TEAM = TeamId.of("11111111-1111-1111-1111-111111111111");
    static final UserId ALICE = UserId.of("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa");

    final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    final List<TrackedEventMessage<?>> events = new ArrayList<>();
    SingleConnectionDataSource database;
    Connection connection;
    JdbcClient live;

    @BeforeEach
    void shadowTablesBesideTheLiveOnes() throws Exception {
        database = ReadModelDatabase.freshDataSource();
        live = JdbcClient.create(database);
        connection = database.getConnection();
        ShadowTables.create(connection);
        try (var statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + ShadowTables.SCHEMA + ", public");
        }
        connection.setAutoCommit(false);
        org.mockito.Mockito.doReturn(SequentialPerAggregatePolicy.instance()).when(processing).sequencingPolicy(any());
        given(processing.deadLetterPolicy(any())).willReturn(Optional.empty());
    }

    @Test
    void aReplayedBatch_fillsTheShadowTables_andLeavesTheLiveOnesAlone() throws Exception {
        var web = MachineId.random();
        event("Team", TEAM.value(), 0, new TeamCreated(TEAM, TeamName.of("ops"), ALICE));
        event("Machine", web.value(), 0, created(web, "web-1", "10.0.0.5"));

        replay().apply(events);

        assertThat(count("hm_rebuild.rm_machine")).isEqualTo(1);
        assertThat(count("hm_rebuild.rm_audit_entry")).isEqualTo(2);
        assertThat(count("public.rm_machine")).isZero();
        assertThat(count("public.rm_audit_entry")).isZero();
    }

    @Test
    void anEventPostgresRefuses_isParkedWithTheLaterEventsOfItsMachine_andEveryOtherEventIsApplied() throws Exception {
        var good = MachineId.random();
        var poison = MachineId.random();
        event("Machine", good.value(), 0, created(good, "good", "10.0.0.5"));
        event("Machine", poison.value(), 0, created(poison, "poison", "10.0.0.6\u0000"));
        event("Machine", poison.value(), 1, new MachineStopped(poison));
        event("Machine", good.value(), 1, new MachineStopped(good));
        var replay = replay();

        replay.apply(events);

        assertThat(live.sql("SELECT name || ' ' || state FROM hm_rebuild.rm_machine").query(String.class).list())
                .containsExactly("good Stopped");
        var parked = replay.parked().letters();
        assertThat(parked).extracting(ShadowReplayTest::describe).containsExactly(
                "machine-list " + poison.value() + " MachineCreated with a cause",
                "machine-list " + poison.value() + " MachineStopped");
        assertThat(count("hm_rebuild.rm_audit_entry")).as("the audit trail refused nothing").isEqualTo(4);
    }

    @Test
    void theSwap_putsTheCopiesInPlaceOfTheLiveTables_inOneTransaction() throws Exception {
        var web = MachineId.random();
        event("Machine", web.value(), 0, created(web, "web-1", "10.0.0.5"));
        replay().apply(events);

        ShadowTables.swap(connection);
        connection.commit();
        connection.setAutoCommit(true);
        ShadowTables.dropRetired(connection);

        assertThat(live.sql("SELECT name FROM public.rm_machine").query(String.class).list()).containsExactly("web-1");
        assertThat(live.sql("SELECT count(*) FROM pg_namespace WHERE nspname IN ('hm_rebuild', 'hm_retired')")
                .query(Long.class).single()).isZero();
    }

    private ShadowReplay replay() {
        return new ShadowReplay(connection, ShadowProjections.over(new SingleConnectionDataSource(connection, true)),
                processing);
    }

    private static MachineCreated created(MachineId id, String name, String address) {
        return new MachineCreated(id, TEAM, MachineName.of(name), "generic",
                new DriverOptions(Map.of("generic-ip-address", address)), ALICE);
    }

    private void event(String type, String aggregate, long seq, Object payload) {
        events.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(events.size()),
                new GenericDomainEventMessage<>(type, aggregate, seq, payload, Map.of(),
                        java.util.UUID.randomUUID().toString(), Instant.parse("2026-03-01T10:00:00Z"))));
    }

    private long count(String table) {
        return live.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static String describe(ParkedEvents.Parked parked) {
        return parked.group() + " " + parked.sequence() + " "
                + parked.letter().message().getPayloadType().getSimpleName()
                + (parked.letter().cause().isPresent() ? " with a cause" : "");
    }
}
