package io.harbormaster.command.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.command.lookup.JdbcLookups;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.LifecycleOperationFailed;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineKillRequested;
import io.harbormaster.api.machine.MachineKilled;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.api.machine.MachineRestartRequested;
import io.harbormaster.api.machine.MachineRestarted;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineStarted;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.ProvisioningFailed;
import io.harbormaster.api.machine.RemovalFailed;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pending-operation columns on a real PostgreSQL with the real migrations: each request event records its
 * operation, timestamp and correlation id, and each outcome event clears them.
 */
class PendingOperationColumnsTest {

    private static final DriverOptions OPTIONS = new DriverOptions(Map.of("url", "tcp://10.0.0.5:2376"));
    private static final Instant REQUESTED_AT = Instant.parse("2026-03-04T05:06:07.123456Z");

    private static JdbcLookups lookups;
    private static PendingOperationsRecorder maintainer;
    private static JdbcPendingOperations pending;

    @BeforeAll
    static void migrate() {
        var database = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations(migrations()).load().migrate();
        DataSource dataSource = database.dataSource();
        lookups = new JdbcLookups(dataSource);
        pending = new JdbcPendingOperations(dataSource);
        maintainer = new PendingOperationsRecorder(pending);
    }

    /** As in {@code JdbcLookupsTest}: the sources when the installed db jar predates this migration. */
    private static String migrations() {
        var current = PendingOperationColumnsTest.class.getClassLoader()
                .getResource("db/migration/V6__pending_machine_operations.sql");
        return current != null ? "classpath:db/migration"
                : "filesystem:" + Path.of("..", "db", "src", "main", "resources", "db", "migration").toAbsolutePath();
    }

    @Test
    void creationRecordsAPendingCreate() {
        var machine = MachineId.random();
        var team = TeamId.random();
        // the creation handler claims the name before the event is applied, in the same transaction
        lookups.claimMachine(machine, team, MachineName.of("new-1"), "none");
        maintainer.on(new MachineCreated(machine, team, MachineName.of("new-1"), "none", OPTIONS,
                UserId.random()), REQUESTED_AT, "corr-create");
        assertThat(pendingOf(machine))
                .hasValue(new PendingOperation(machine, MachineOperation.CREATE, REQUESTED_AT, "corr-create"));
    }

    @ParameterizedTest
    @EnumSource(value = MachineOperation.class, names = {"START", "STOP", "RESTART", "KILL", "REMOVE"})
    void aRequestRecordsItsOperationTimestampAndCorrelationId(MachineOperation operation) {
        var machine = claimed();
        request(machine.id(), operation, "corr-" + operation);
        assertThat(pendingOf(machine.id()))
                .hasValue(new PendingOperation(machine.id(), operation, REQUESTED_AT, "corr-" + operation));
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                outcome(MachineOperation.CREATE, "MachineProvisioned",
                        (m, c) -> outcome(m, new MachineProvisioned(c.id(), "tcp://10.0.0.5:2376"))),
                outcome(MachineOperation.CREATE, "ProvisioningFailed",
                        (m, c) -> outcome(m, new ProvisioningFailed(c.id(), "create", "no capacity"))),
                outcome(MachineOperation.START, "MachineStarted", (m, c) -> outcome(m, new MachineStarted(c.id()))),
                outcome(MachineOperation.STOP, "MachineStopped", (m, c) -> outcome(m, new MachineStopped(c.id()))),
                outcome(MachineOperation.RESTART, "MachineRestarted", (m, c) -> outcome(m, new MachineRestarted(c.id()))),
                outcome(MachineOperation.KILL, "MachineKilled", (m, c) -> outcome(m, new MachineKilled(c.id()))),
                outcome(MachineOperation.STOP, "LifecycleOperationFailed", (m, c) -> outcome(m, new LifecycleOperationFailed(
                        c.id(), LifecycleOperation.STOP, "ssh timed out", MachineState.Running))),
                outcome(MachineOperation.REMOVE, "RemovalFailed",
                        (m, c) -> outcome(m, new RemovalFailed(c.id(), "protected"))),
                outcome(MachineOperation.REMOVE, "MachineRemoved",
                        (m, c) -> outcome(m, new MachineRemoved(c.id(), c.team(), c.name()))));
    }

    @ParameterizedTest(name = "{0} cleared by {1}")
    @MethodSource("outcomes")
    void anOutcomeClearsThePendingOperation(MachineOperation operation, String event,
                                            BiConsumer<PendingOperationsRecorder, Claimed> outcome) {
        var machine = claimed();
        if (operation == MachineOperation.CREATE) {
            // The machine was claimed first (as by the creation handler); its creation event records the pending create.
            maintainer.on(new MachineCreated(machine.id(), machine.team(), machine.name(), "none", OPTIONS,
                    UserId.random()), REQUESTED_AT, "corr-1");
        } else {
            request(machine.id(), operation, "corr-1");
        }
        assertThat(pendingOf(machine.id())).isPresent();
        outcome.accept(maintainer, machine);
        assertThat(pendingOf(machine.id())).isEmpty();
    }

    @Test
    void aForcedRemovalReplacesTheOperationInProgress() {
        var machine = claimed();
        request(machine.id(), MachineOperation.START, "corr-start");
        maintainer.on(new MachineRemovalRequested(machine.id(), true), REQUESTED_AT.plusSeconds(5), "corr-rm");
        assertThat(pendingOf(machine.id())).hasValue(new PendingOperation(machine.id(), MachineOperation.REMOVE,
                REQUESTED_AT.plusSeconds(5), "corr-rm"));
    }

    @Test
    void aCorrelationIdTooLongForTheColumnIsDroppedRatherThanFailingTheCommand() {
        var machine = claimed();
        request(machine.id(), MachineOperation.STOP, "x".repeat(65));
        assertThat(pendingOf(machine.id())).get().extracting(PendingOperation::correlationId).isNull();
    }

    @Test
    void axonHandsTheHandlersTheEventsTimestampAndCorrelationId() throws Exception {
        var machine = claimed();
        var event = new GenericEventMessage<>(UUID.randomUUID().toString(), new MachineKillRequested(machine.id()),
                Map.of(AuditMetadata.CORRELATION_ID, "corr-axon"), REQUESTED_AT);
        new AnnotationEventHandlerAdapter(maintainer).handle(event);
        assertThat(pendingOf(machine.id()))
                .hasValue(new PendingOperation(machine.id(), MachineOperation.KILL, REQUESTED_AT, "corr-axon"));
    }

    @Test
    void anOperationIsPendingUntilItsOutcomeAndOnlyThatOperation() {
        var machine = claimed();
        request(machine.id(), MachineOperation.STOP, "corr-check");
        assertThat(pending.isPending(machine.id(), MachineOperation.STOP)).isTrue();
        assertThat(pending.isPending(machine.id(), MachineOperation.START)).isFalse();
        assertThat(pending.isPending(MachineId.random(), MachineOperation.STOP)).isFalse();
    }

    @Test
    void machinesWithoutWorkInProgressAreNotListed() {
        var idle = claimed();
        assertThat(pendingOf(idle.id())).isEmpty();
    }

    /** Delivers an outcome event as the subscribing processor does. */
    private static void outcome(PendingOperationsRecorder recorder, Object event) {
        recorder.on(event, REQUESTED_AT, "corr-outcome");
    }

    private static Arguments outcome(MachineOperation requested, String event,
                                     BiConsumer<PendingOperationsRecorder, Claimed> outcome) {
        return Arguments.of(requested, event, outcome);
    }

    /** Applies the request event of a lifecycle operation or removal. */
    private static void request(MachineId machine, MachineOperation operation, String correlationId) {
        switch (operation) {
            case START -> maintainer.on(new MachineStartRequested(machine), REQUESTED_AT, correlationId);
            case STOP -> maintainer.on(new MachineStopRequested(machine), REQUESTED_AT, correlationId);
            case RESTART -> maintainer.on(new MachineRestartRequested(machine), REQUESTED_AT, correlationId);
            case KILL -> maintainer.on(new MachineKillRequested(machine), REQUESTED_AT, correlationId);
            case REMOVE -> maintainer.on(new MachineRemovalRequested(machine, false), REQUESTED_AT, correlationId);
            case CREATE -> throw new IllegalArgumentException("creation claims the machine; see its own test");
        }
    }

    private static Claimed claimed() {
        var machine = new Claimed(MachineId.random(), TeamId.random(), MachineName.of("m-1"));
        lookups.claimMachine(machine.id(), machine.team(), machine.name(), "none");
        return machine;
    }

    private static Optional<PendingOperation> pendingOf(MachineId machine) {
        return pending.pendingOperations().stream().filter(p -> p.machineId().equals(machine)).findFirst();
    }

    record Claimed(MachineId id, TeamId team, MachineName name) {
    }
}
