package io.harbormaster.command.machine;

import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.NAME;
import static io.harbormaster.command.machine.MachineGivens.Ids.TEAM;
import static io.harbormaster.command.machine.MachineGivens.Ids.URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.harbormaster.command.machine.CompleteCreationCommand;
import io.harbormaster.command.machine.CompleteLifecycleOperationCommand;
import io.harbormaster.command.machine.CompleteRemovalCommand;
import io.harbormaster.command.machine.FailCreationCommand;
import io.harbormaster.command.machine.FailLifecycleOperationCommand;
import io.harbormaster.command.machine.FailRemovalCommand;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.LifecycleOperationFailed;
import io.harbormaster.api.machine.MachineKilled;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.api.machine.MachineRestarted;
import io.harbormaster.api.machine.MachineStarted;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.ProvisioningFailed;
import io.harbormaster.api.machine.RemovalFailed;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the processes report back: completions and failures of creation, lifecycle operations and removal. */
class MachineReportsTest {

    private AggregateTestFixture<Machine> fixture;

    @BeforeEach
    void setUp() {
        fixture = MachineGivens.fixture(MachineGivens.lookups());
    }

    @Test
    void givenCreatingMachine_whenCreationCompletes_thenProvisionedAtTheDaemonUrl() {
        fixture.given(MachineGivens.CREATING.events())
                .when(new CompleteCreationCommand(MACHINE, URL))
                .expectEvents(new MachineProvisioned(MACHINE, URL));
    }

    @Test
    void givenProvisioningMachine_whenCreationCompletes_thenProvisioned() {
        fixture.given(MachineGivens.PROVISIONING.events())
                .when(new CompleteCreationCommand(MACHINE, URL))
                .expectEvents(new MachineProvisioned(MACHINE, URL));
    }

    @Test
    void givenCreatingMachine_whenCreationFails_thenProvisioningFailedWithTheReason() {
        fixture.given(MachineGivens.CREATING.events())
                .when(new FailCreationCommand(MACHINE, "no capacity in eu-west-1"))
                .expectEvents(new ProvisioningFailed(MACHINE, "create", "no capacity in eu-west-1"));
    }

    @Test
    void givenRunningMachine_whenCreationCompletesAgain_thenNoEvents() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new CompleteCreationCommand(MACHINE, URL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenForceRemovedWhileCreating_whenCreationCompletes_thenNoEvents() {
        var events = MachineGivens.CREATING.events();
        events.add(new MachineRemovalRequested(MACHINE, true));
        fixture.given(events)
                .when(new CompleteCreationCommand(MACHINE, URL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    static Stream<Arguments> completions() {
        return Stream.of(
                Arguments.of(MachineGivens.STARTING_FOR_START, LifecycleOperation.START, new MachineStarted(MACHINE)),
                Arguments.of(MachineGivens.STARTING_FOR_RESTART, LifecycleOperation.RESTART, new MachineRestarted(MACHINE)),
                Arguments.of(MachineGivens.STOPPING_FOR_STOP, LifecycleOperation.STOP, new MachineStopped(MACHINE)),
                Arguments.of(MachineGivens.STOPPING_FOR_KILL, LifecycleOperation.KILL, new MachineKilled(MACHINE)));
    }

    @ParameterizedTest(name = "given {0}, when {1} completes, then {2}")
    @MethodSource("completions")
    void givenAnOperationInProgress_whenItCompletes_thenItsCompletionEvent(MachineGivens given,
                                                                          LifecycleOperation operation, Object event) {
        fixture.given(given.events())
                .when(new CompleteLifecycleOperationCommand(MACHINE, operation))
                .expectEvents(event);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(MachineGivens.STARTING_FOR_START, LifecycleOperation.START, MachineState.Stopped),
                Arguments.of(MachineGivens.STARTING_FOR_RESTART, LifecycleOperation.RESTART, MachineState.Running),
                Arguments.of(MachineGivens.STOPPING_FOR_STOP, LifecycleOperation.STOP, MachineState.Running),
                Arguments.of(MachineGivens.STOPPING_FOR_KILL, LifecycleOperation.KILL, MachineState.Running));
    }

    @ParameterizedTest(name = "given {0}, when {1} fails, then back to {2}")
    @MethodSource("failures")
    void givenAnOperationInProgress_whenItFails_thenBackToTheStateBeforeIt(MachineGivens given,
                                                                          LifecycleOperation operation,
                                                                          MachineState before) {
        fixture.given(given.events())
                .when(new FailLifecycleOperationCommand(MACHINE, operation, "host unreachable"))
                .expectEvents(new LifecycleOperationFailed(MACHINE, operation, "host unreachable", before))
                .expectState(machine -> assertThat(machine.state).isEqualTo(before));
    }

    @Test
    void givenStartingMachine_whenAStopCompletes_thenNoEventsBecauseTheReportIsStale() {
        fixture.given(MachineGivens.STARTING_FOR_START.events())
                .when(new CompleteLifecycleOperationCommand(MACHINE, LifecycleOperation.STOP))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenRunningMachine_whenAStartFails_thenNoEventsBecauseTheReportIsStale() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new FailLifecycleOperationCommand(MACHINE, LifecycleOperation.START, "late"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenRemovingMachine_whenRemovalCompletes_thenRemovedFreeingItsName() {
        fixture.given(MachineGivens.REMOVING.events())
                .when(new CompleteRemovalCommand(MACHINE))
                .expectEvents(new MachineRemoved(MACHINE, TEAM, NAME));
    }

    @Test
    void givenRemovingMachine_whenRemovalFails_thenRemovalFailedAndInError() {
        fixture.given(MachineGivens.REMOVING.events())
                .when(new FailRemovalCommand(MACHINE, "instance is protected"))
                .expectEvents(new RemovalFailed(MACHINE, MachineReports.removalFailure("instance is protected", false)))
                .expectState(machine -> assertThat(machine.state)
                        .isEqualTo(MachineState.Error));
    }

    @Test
    void givenForcedRemoval_whenRemovalFails_thenRemovalFailedSayingSoAndRemovedAnyway() {
        var events = MachineGivens.RUNNING.events();
        events.add(new MachineRemovalRequested(MACHINE, true));
        var reason = MachineReports.removalFailure("instance is protected", true);
        fixture.given(events)
                .when(new FailRemovalCommand(MACHINE, "instance is protected"))
                .expectEvents(new RemovalFailed(MACHINE, reason), new MachineRemoved(MACHINE, TEAM, NAME));
        assertThat(reason).contains("instance is protected", "removal was forced");
    }

    @Test
    void givenRunningMachine_whenRemovalCompletes_thenNoEvents() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new CompleteRemovalCommand(MACHINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    static Stream<Object> reports() {
        return Stream.of(new CompleteCreationCommand(MACHINE, URL), new FailCreationCommand(MACHINE, "x"),
                new CompleteLifecycleOperationCommand(MACHINE, LifecycleOperation.START),
                new FailLifecycleOperationCommand(MACHINE, LifecycleOperation.STOP, "x"),
                new CompleteRemovalCommand(MACHINE), new FailRemovalCommand(MACHINE, "x"));
    }

    @ParameterizedTest(name = "given removed machine, when {0}, then refused")
    @MethodSource("reports")
    void givenRemovedMachine_whenAnyReportArrives_thenRefusedAsRemoved(Object report) {
        fixture.given(MachineGivens.REMOVED.events())
                .when(report)
                .expectNoEvents()
                .expectException(MachineConflictException.class)
                .expectExceptionMessage(containsString("was removed"));
    }

    @Test
    void givenCreatingMachine_whenCreationCompletesWithoutUrl_thenInvalidCommand() {
        fixture.given(MachineGivens.CREATING.events())
                .when(new CompleteCreationCommand(MACHINE, null))
                .expectNoEvents()
                .expectException(io.harbormaster.command.refusal.InvalidCommandException.class);
    }
}
