package io.harbormaster.command.machine;

import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.BOB;
import static io.harbormaster.command.machine.MachineGivens.Ids.CAROL;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.OTHER_TEAM;
import static io.harbormaster.command.machine.MachineGivens.Ids.TEAM;
import static io.harbormaster.command.machine.MachineGivens.Ids.VIC;
import static org.hamcrest.Matchers.containsString;

import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.HandOffMachineCommand;
import io.harbormaster.api.machine.KillMachineCommand;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineShared;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.command.machine.ObserveMachineStateCommand;
import io.harbormaster.api.machine.RestartMachineCommand;
import io.harbormaster.api.machine.ShareMachineCommand;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.machine.StartMachineCommand;
import io.harbormaster.api.machine.StopMachineCommand;
import io.harbormaster.api.machine.UnshareMachineCommand;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotFoundException;
import io.harbormaster.command.refusal.UnsupportedByDriverException;
import io.harbormaster.driver.none.NoneDriver;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules that depend on more than the state: the driver's capabilities, who may hold or see, versions. */
class MachineCommandsTest {

    private AggregateTestFixture<Machine> fixture;

    @BeforeEach
    void setUp() {
        fixture = MachineGivens.fixture(MachineGivens.lookups());
    }

    @Test
    void givenRunningNoneMachine_whenKill_thenUnsupportedByDriverAndNoEvents() {
        fixture.given(MachineGivens.RUNNING.events(NoneDriver.NAME))
                .when(new KillMachineCommand(MACHINE, null))
                .expectNoEvents()
                .expectException(UnsupportedByDriverException.class)
                .expectExceptionMessage("The none driver cannot kill a machine: Harbormaster does not control that "
                        + "host. Use a generic or amazonec2 machine for that.");
    }

    @Test
    void givenRunningNoneMachine_whenRestart_thenUnsupportedByDriverAndNoEvents() {
        fixture.given(MachineGivens.RUNNING.events(NoneDriver.NAME))
                .when(new RestartMachineCommand(MACHINE, null))
                .expectNoEvents()
                .expectException(UnsupportedByDriverException.class)
                .expectExceptionMessage(containsString("The none driver cannot restart a machine"));
    }

    @Test
    void givenStoppedNoneMachine_whenKill_thenStillUnsupportedRatherThanIdempotent() {
        fixture.given(MachineGivens.STOPPED.events(NoneDriver.NAME))
                .when(new KillMachineCommand(MACHINE, null))
                .expectNoEvents()
                .expectException(UnsupportedByDriverException.class);
    }

    @Test
    void givenRunningNoneMachine_whenStop_thenStopRequested() {
        fixture.given(MachineGivens.RUNNING.events(NoneDriver.NAME))
                .when(new StopMachineCommand(MACHINE, null))
                .expectEvents(new MachineStopRequested(MACHINE));
    }

    @Test
    void givenStoppedNoneMachine_whenStart_thenStartRequested() {
        fixture.given(MachineGivens.STOPPED.events(NoneDriver.NAME))
                .when(new StartMachineCommand(MACHINE, null))
                .expectEvents(new MachineStartRequested(MACHINE));
    }

    @Test
    void givenRemovedNoneMachine_whenKill_thenRefusedAsRemoved() {
        fixture.given(MachineGivens.REMOVED.events(NoneDriver.NAME))
                .when(new KillMachineCommand(MACHINE, null))
                .expectNoEvents()
                .expectException(MachineConflictException.class)
                .expectExceptionMessage("Machine 'web-1' was removed, so it cannot be killed. "
                        + "Create a new machine instead.");
    }

    @Test
    void givenStartingMachine_whenStop_thenConflictSayingTheStateAndWhatToDo() {
        fixture.given(MachineGivens.STARTING_FOR_START.events())
                .when(new StopMachineCommand(MACHINE, null))
                .expectNoEvents()
                .expectException(MachineConflictException.class)
                .expectExceptionMessage("Machine 'web-1' cannot be stopped: it is Starting. "
                        + "Wait until it is Running, then stop it.");
    }

    @Test
    void givenRunningMachineAtVersion1_whenStopExpectingVersion0_thenConflictingVersion() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new StopMachineCommand(MACHINE, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void givenRunningMachineAtVersion1_whenStopExpectingVersion1_thenStopRequested() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new StopMachineCommand(MACHINE, 1L))
                .expectEvents(new MachineStopRequested(MACHINE));
    }

    @Test
    void givenRunningMachine_whenHandOffToAnotherMember_thenHandedOff() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new HandOffMachineCommand(MACHINE, BOB, false, null))
                .expectEvents(new MachineHandedOff(MACHINE, ALICE, BOB, false));
    }

    @Test
    void givenMachineHeldByAlice_whenHandOffToAlice_thenNoEvents() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new HandOffMachineCommand(MACHINE, ALICE, true, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenRunningMachine_whenHandOffToAnUnknownUser_thenUserNotFound() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new HandOffMachineCommand(MACHINE, UserId.random(), true, null))
                .expectNoEvents()
                .expectException(NotFoundException.class);
    }

    @Test
    void givenRunningMachine_whenHandOffToSomeoneOutsideTheTeam_thenRefused() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new HandOffMachineCommand(MACHINE, CAROL, true, null))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("Add them to the team first"));
    }

    @Test
    void givenRunningMachine_whenHandOffToAViewer_thenRefused() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new HandOffMachineCommand(MACHINE, VIC, true, null))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    @Test
    void givenSharedWithCarolAsViewer_whenShareWithCarolAsViewer_thenNoEvents() {
        var events = MachineGivens.RUNNING.events();
        events.add(new MachineShared(MACHINE, Grantee.user(CAROL), ShareRole.VIEWER));
        fixture.given(events)
                .when(new ShareMachineCommand(MACHINE, Grantee.user(CAROL), ShareRole.VIEWER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenSharedWithCarolAsViewer_whenShareWithCarolAsMember_thenSharedWithTheNewRole() {
        var events = MachineGivens.RUNNING.events();
        events.add(new MachineShared(MACHINE, Grantee.user(CAROL), ShareRole.VIEWER));
        fixture.given(events)
                .when(new ShareMachineCommand(MACHINE, Grantee.user(CAROL), ShareRole.MEMBER))
                .expectEvents(new MachineShared(MACHINE, Grantee.user(CAROL), ShareRole.MEMBER));
    }

    @Test
    void givenRunningMachine_whenShareWithAnotherTeam_thenShared() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new ShareMachineCommand(MACHINE, Grantee.team(OTHER_TEAM), ShareRole.VIEWER))
                .expectEvents(new MachineShared(MACHINE, Grantee.team(OTHER_TEAM), ShareRole.VIEWER));
    }

    @Test
    void givenRunningMachine_whenShareWithAnUnknownTeam_thenGranteeNotFound() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new ShareMachineCommand(MACHINE, Grantee.team(TeamId.random()), ShareRole.VIEWER))
                .expectNoEvents()
                .expectException(NotFoundException.class);
    }

    @Test
    void givenRunningMachine_whenShareWithItsOwnTeam_thenInvalidCommand() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new ShareMachineCommand(MACHINE, Grantee.team(TEAM), ShareRole.MEMBER))
                .expectNoEvents()
                .expectException(InvalidCommandException.class);
    }

    @Test
    void givenNotSharedWithCarol_whenUnshareCarol_thenShareNotFound() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new UnshareMachineCommand(MACHINE, Grantee.user(CAROL)))
                .expectNoEvents()
                .expectException(NotFoundException.class)
                .expectExceptionMessage(containsString("is not shared with user " + CAROL.value()));
    }

    @Test
    void givenRunningMachine_whenObservedRunning_thenNoEvents() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new ObserveMachineStateCommand(MACHINE, MachineState.Running))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "observing {0} is refused")
    @EnumSource(value = MachineState.class, names = {"Creating", "Provisioning", "Starting", "Stopping", "Removing",
            "Removed"})
    void givenRunningMachine_whenObservedInAPlatformOwnedState_thenInvalidCommand(MachineState observed) {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new ObserveMachineStateCommand(MACHINE, observed))
                .expectNoEvents()
                .expectException(InvalidCommandException.class);
    }
}
