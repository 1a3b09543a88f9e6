package io.harbormaster.command.machine;

import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.BOB;
import static io.harbormaster.command.machine.MachineGivens.Ids.CAROL;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.NAME;
import static io.harbormaster.command.machine.MachineGivens.Ids.OTHER_TEAM;
import static io.harbormaster.command.machine.MachineGivens.Ids.TEAM;
import static io.harbormaster.command.machine.MachineGivens.Ids.VIC;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.machine.CreateMachineCommand;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.HandOffMachineCommand;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineShared;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.RemoveMachineCommand;
import io.harbormaster.api.machine.ShareMachineCommand;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.machine.StopMachineCommand;
import io.harbormaster.api.machine.UnshareMachineCommand;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.driver.FakeDriver;
import io.harbormaster.command.lookup.InMemoryLookups;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.NotFoundException;
import io.harbormaster.command.refusal.NotVisibleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may send which machine command, decided in the aggregate from its own state and the access lookups. */
class MachineCommandAccessTest {

    private static final UserId ADMIN = UserId.of("6b1d3c2e-0000-4000-8000-0000000ad111");
    private static final UserId DAVE = UserId.of("6b1d3c2e-0000-4000-8000-00000000da7e");

    private InMemoryLookups lookups;
    private AggregateTestFixture<Machine> fixture;

    @BeforeEach
    void setUp() {
        lookups = MachineGivens.lookups().withPlatformAdmin(ADMIN).withMember(OTHER_TEAM, DAVE, TeamRole.MEMBER);
        fixture = MachineGivens.fixture(lookups);
    }

    private static Map<String, String> as(UserId user) {
        return Map.of(AuditMetadata.ACTOR_ID, user.value());
    }

    private static List<Object> running(Object... more) {
        var events = new ArrayList<>(MachineGivens.RUNNING.events());
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void strangerIsAnsweredLikeAnUnknownMachine() {
        fixture.given(running()).when(new StopMachineCommand(MACHINE, null), as(CAROL))
                .expectNoEvents()
                .expectException(NotVisibleException.class)
                .expectExceptionMessage("No machine with id " + MACHINE + " was found. Check the id, or reload the list.");
    }

    @Test
    void seeingTheMachine_followsTheDetailsRule_viewersAndSharesYesOutsidersLikeAnUnknownMachine() {
        fixture.given(running()).when(new RequireMachineVisibleCommand(MACHINE), as(CAROL))
                .expectNoEvents()
                .expectException(NotVisibleException.class)
                .expectExceptionMessage("No machine with id " + MACHINE + " was found. Check the id, or reload the list.");
        fixture.given(running()).when(new RequireMachineVisibleCommand(MACHINE), as(VIC))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        fixture.given(running(new MachineShared(MACHINE, Grantee.user(CAROL), ShareRole.VIEWER)))
                .when(new RequireMachineVisibleCommand(MACHINE), as(CAROL))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        fixture.given(running()).when(new RequireMachineVisibleCommand(MACHINE), as(ADMIN))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void viewerSeesButCannotOperate() {
        fixture.given(running()).when(new StopMachineCommand(MACHINE, null), as(VIC))
                .expectNoEvents()
                .expectException(ForbiddenException.class)
                .expectExceptionMessage("You may see machine 'web-1' but not stop it: that needs an OWNER or MEMBER "
                        + "role in its team, being its holder, or a MEMBER share.");
    }

    @Test
    void memberOperatesButCannotRemoveAMachineSomeoneElseHolds() {
        fixture.given(running()).when(new StopMachineCommand(MACHINE, null), as(BOB))
                .expectEvents(new MachineStopRequested(MACHINE));
        fixture.given(running()).when(new RemoveMachineCommand(MACHINE, false, null), as(BOB))
                .expectNoEvents()
                .expectException(ForbiddenException.class);
        fixture.given(running()).when(new ShareMachineCommand(MACHINE, Grantee.user(CAROL), ShareRole.VIEWER),
                        as(BOB))
                .expectException(ForbiddenException.class);
        fixture.given(running()).when(new HandOffMachineCommand(MACHINE, BOB, false, null), as(BOB))
                .expectException(ForbiddenException.class);
    }

    @Test
    void holderManagesTheirMachine() {
        var handedToBob = new MachineHandedOff(MACHINE, ALICE, BOB, false);
        fixture.given(running(handedToBob)).when(new RemoveMachineCommand(MACHINE, false, null), as(BOB))
                .expectEvents(new MachineRemovalRequested(MACHINE, false));
        fixture.given(running(handedToBob)).when(new HandOffMachineCommand(MACHINE, ALICE, false, null), as(BOB))
                .expectEvents(new MachineHandedOff(MACHINE, BOB, ALICE, false));
    }

    @Test
    void ownerManagesMachinesOthersHold() {
        var handedToBob = new MachineHandedOff(MACHINE, ALICE, BOB, false);
        fixture.given(running(handedToBob)).when(new RemoveMachineCommand(MACHINE, false, null), as(ALICE))
                .expectEvents(new MachineRemovalRequested(MACHINE, false));
    }

    @Test
    void platformAdminMayDoEverything() {
        fixture.given(running()).when(new RemoveMachineCommand(MACHINE, false, null), as(ADMIN))
                .expectEvents(new MachineRemovalRequested(MACHINE, false));
    }

    @Test
    void sharesGiveWhatTheirRoleSays() {
        var viewerShare = new MachineShared(MACHINE, Grantee.user(CAROL), ShareRole.VIEWER);
        fixture.given(running(viewerShare)).when(new StopMachineCommand(MACHINE, null), as(CAROL))
                .expectException(ForbiddenException.class);
        var memberShare = new MachineShared(MACHINE, Grantee.user(CAROL), ShareRole.MEMBER);
        fixture.given(running(memberShare)).when(new StopMachineCommand(MACHINE, null), as(CAROL))
                .expectEvents(new MachineStopRequested(MACHINE));
        fixture.given(running(memberShare)).when(new UnshareMachineCommand(MACHINE, Grantee.user(CAROL)), as(CAROL))
                .expectException(ForbiddenException.class);
        var teamShare = new MachineShared(MACHINE, Grantee.team(OTHER_TEAM), ShareRole.MEMBER);
        fixture.given(running(teamShare)).when(new StopMachineCommand(MACHINE, null), as(DAVE))
                .expectEvents(new MachineStopRequested(MACHINE));
    }

    @Test
    void creationNeedsOwnerOrMemberOfTheTeam() {
        var id = MachineId.random();
        var name = MachineName.of("web-2");
        fixture.givenNoPriorActivity()
                .when(new CreateMachineCommand(id, TEAM, name, FakeDriver.NAME, null, BOB), as(BOB))
                .expectEvents(new MachineCreated(id, TEAM, name, FakeDriver.NAME, DriverOptions.none(), BOB));
    }

    @Test
    void viewerCannotCreate() {
        fixture.givenNoPriorActivity()
                .when(new CreateMachineCommand(MachineId.random(), TEAM, NAME, FakeDriver.NAME, null, ALICE), as(VIC))
                .expectException(ForbiddenException.class);
    }

    @Test
    void outsiderSeesNoTeamToCreateIn() {
        fixture.givenNoPriorActivity()
                .when(new CreateMachineCommand(MachineId.random(), TEAM, NAME, FakeDriver.NAME, null, ALICE), as(DAVE))
                .expectException(NotFoundException.class)
                .expectExceptionMessage(NotFoundException.team(TEAM).getMessage());
    }
}
