package io.harbormaster.command.team;

import static org.hamcrest.Matchers.containsString;

import io.harbormaster.api.team.AddMemberCommand;
import io.harbormaster.api.team.ChangeMemberRoleCommand;
import io.harbormaster.api.team.CreateTeamCommand;
import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.MemberRemoved;
import io.harbormaster.api.team.MemberRoleChanged;
import io.harbormaster.api.team.RemoveMemberCommand;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.lookup.InMemoryLookups;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotFoundException;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TeamTest {

    private static final TeamId TEAM = TeamId.of("7c2e4d3f-0000-4000-8000-0000000000aa");
    private static final TeamName NAME = TeamName.of("platform");
    private static final UserId ALICE = UserId.of("7c2e4d3f-0000-4000-8000-00000000a11c");
    private static final UserId BOB = UserId.of("7c2e4d3f-0000-4000-8000-000000000b0b");
    private static final UserId CAROL = UserId.of("7c2e4d3f-0000-4000-8000-00000000ca01");

    private InMemoryLookups lookups;
    private AggregateTestFixture<Team> fixture;

    @BeforeEach
    void setUp() {
        lookups = new InMemoryLookups().withUser(ALICE).withUser(BOB).withUser(CAROL);
        fixture = new AggregateTestFixture<>(Team.class);
        fixture.registerInjectableResource(lookups);
        fixture.registerAnnotatedCommandHandler(new TeamCreationHandler(fixture.getRepository(), lookups, lookups));
    }

    private static List<Object> created() {
        return List.of(new TeamCreated(TEAM, NAME, ALICE), new MemberAdded(TEAM, ALICE, TeamRole.OWNER));
    }

    private static List<Object> withBob(TeamRole role) {
        return List.of(new TeamCreated(TEAM, NAME, ALICE), new MemberAdded(TEAM, ALICE, TeamRole.OWNER),
                new MemberAdded(TEAM, BOB, role));
    }

    @Test
    void givenNoTeam_whenCreate_thenTeamCreatedWithItsOwner() {
        fixture.givenNoPriorActivity()
                .when(new CreateTeamCommand(TEAM, NAME, ALICE))
                .expectResultMessagePayload(TEAM)
                .expectEvents(new TeamCreated(TEAM, NAME, ALICE), new MemberAdded(TEAM, ALICE, TeamRole.OWNER));
    }

    @Test
    void givenATeamNamedPlatform_whenCreatePlatformAgainInAnyCase_thenNameTaken() {
        lookups.claimTeam(TeamId.random(), NAME);
        fixture.givenNoPriorActivity()
                .when(new CreateTeamCommand(TEAM, TeamName.of("Platform"), ALICE))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("A team named 'Platform' already exists. Choose another name.");
    }

    @Test
    void givenAnUnregisteredOwner_whenCreate_thenUserNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CreateTeamCommand(TEAM, NAME, UserId.random()))
                .expectNoEvents()
                .expectException(NotFoundException.class);
    }

    @Test
    void givenNoName_whenCreate_thenInvalidCommand() {
        fixture.givenNoPriorActivity()
                .when(new CreateTeamCommand(TEAM, null, ALICE))
                .expectNoEvents()
                .expectException(InvalidCommandException.class);
    }

    @Test
    void givenTeam_whenAddMember_thenMemberAdded() {
        fixture.given(created())
                .when(new AddMemberCommand(TEAM, BOB, TeamRole.MEMBER))
                .expectEvents(new MemberAdded(TEAM, BOB, TeamRole.MEMBER));
    }

    @Test
    void givenBobIsMember_whenAddBobAsMember_thenNoEvents() {
        fixture.given(withBob(TeamRole.MEMBER))
                .when(new AddMemberCommand(TEAM, BOB, TeamRole.MEMBER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenBobIsMember_whenAddBobAsViewer_thenRefusedPointingToChangeRole() {
        fixture.given(withBob(TeamRole.MEMBER))
                .when(new AddMemberCommand(TEAM, BOB, TeamRole.VIEWER))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("Change their role instead"));
    }

    @Test
    void givenTeam_whenAddAnUnregisteredUser_thenUserNotFound() {
        fixture.given(created())
                .when(new AddMemberCommand(TEAM, UserId.random(), TeamRole.MEMBER))
                .expectNoEvents()
                .expectException(NotFoundException.class);
    }

    @Test
    void givenTeam_whenAddMemberWithoutRole_thenInvalidCommand() {
        fixture.given(created())
                .when(new AddMemberCommand(TEAM, BOB, null))
                .expectNoEvents()
                .expectException(InvalidCommandException.class);
    }

    @Test
    void givenBobIsMember_whenMakeBobOwner_thenRoleChanged() {
        fixture.given(withBob(TeamRole.MEMBER))
                .when(new ChangeMemberRoleCommand(TEAM, BOB, TeamRole.OWNER))
                .expectEvents(new MemberRoleChanged(TEAM, BOB, TeamRole.MEMBER, TeamRole.OWNER));
    }

    @Test
    void givenBobIsMember_whenMakeBobMember_thenNoEvents() {
        fixture.given(withBob(TeamRole.MEMBER))
                .when(new ChangeMemberRoleCommand(TEAM, BOB, TeamRole.MEMBER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenCarolIsNoMember_whenChangeCarolsRole_thenMemberNotFound() {
        fixture.given(created())
                .when(new ChangeMemberRoleCommand(TEAM, CAROL, TeamRole.VIEWER))
                .expectNoEvents()
                .expectException(NotFoundException.class);
    }

    @ParameterizedTest(name = "demoting the last owner to {0} is refused")
    @EnumSource(value = TeamRole.class, names = {"MEMBER", "VIEWER"})
    void givenAliceIsTheOnlyOwner_whenDemoteAlice_thenRefusedAsLastOwner(TeamRole role) {
        fixture.given(withBob(TeamRole.MEMBER))
                .when(new ChangeMemberRoleCommand(TEAM, ALICE, role))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("is the last owner of team 'platform' and cannot be demoted"));
    }

    @Test
    void givenTwoOwners_whenDemoteAlice_thenRoleChanged() {
        fixture.given(withBob(TeamRole.OWNER))
                .when(new ChangeMemberRoleCommand(TEAM, ALICE, TeamRole.MEMBER))
                .expectEvents(new MemberRoleChanged(TEAM, ALICE, TeamRole.OWNER, TeamRole.MEMBER));
    }

    @Test
    void givenBobIsMember_whenRemoveBob_thenMemberRemoved() {
        fixture.given(withBob(TeamRole.MEMBER))
                .when(new RemoveMemberCommand(TEAM, BOB))
                .expectEvents(new MemberRemoved(TEAM, BOB));
    }

    @Test
    void givenCarolIsNoMember_whenRemoveCarol_thenMemberNotFound() {
        fixture.given(created())
                .when(new RemoveMemberCommand(TEAM, CAROL))
                .expectNoEvents()
                .expectException(NotFoundException.class);
    }

    @Test
    void givenAliceIsTheOnlyOwner_whenRemoveAlice_thenRefusedAsLastOwner() {
        fixture.given(withBob(TeamRole.MEMBER))
                .when(new RemoveMemberCommand(TEAM, ALICE))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("cannot be removed"));
    }

    @Test
    void givenTwoOwners_whenRemoveAlice_thenMemberRemoved() {
        fixture.given(withBob(TeamRole.OWNER))
                .when(new RemoveMemberCommand(TEAM, ALICE))
                .expectEvents(new MemberRemoved(TEAM, ALICE));
    }

    @Test
    void givenAliceLeftAndBobOwns_whenRemoveBob_thenRefusedAsLastOwner() {
        var events = new java.util.ArrayList<>(withBob(TeamRole.OWNER));
        events.add(new MemberRemoved(TEAM, ALICE));
        fixture.given(events)
                .when(new RemoveMemberCommand(TEAM, BOB))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    @org.junit.jupiter.api.Test
    void onlyOwnersManageMembers_outsidersSeeNoTeam() {
        var asBob = java.util.Map.of(io.harbormaster.api.audit.AuditMetadata.ACTOR_ID, BOB.value());
        var asCarol = java.util.Map.of(io.harbormaster.api.audit.AuditMetadata.ACTOR_ID, CAROL.value());
        var asAlice = java.util.Map.of(io.harbormaster.api.audit.AuditMetadata.ACTOR_ID, ALICE.value());
        fixture.given(withBob(TeamRole.MEMBER)).when(new AddMemberCommand(TEAM, CAROL, TeamRole.VIEWER), asBob)
                .expectNoEvents()
                .expectException(io.harbormaster.command.refusal.ForbiddenException.class)
                .expectExceptionMessage("You are a MEMBER in team 'platform': to add members you need the OWNER role.");
        fixture.given(withBob(TeamRole.MEMBER)).when(new RemoveMemberCommand(TEAM, BOB), asCarol)
                .expectNoEvents()
                .expectException(io.harbormaster.command.refusal.NotVisibleException.class)
                .expectExceptionMessage("No team with id " + TEAM + " was found. Check the id, or reload the list.");
        fixture.given(withBob(TeamRole.MEMBER)).when(new ChangeMemberRoleCommand(TEAM, BOB, TeamRole.VIEWER), asAlice)
                .expectEvents(new MemberRoleChanged(TEAM, BOB, TeamRole.MEMBER, TeamRole.VIEWER));
        lookups.withPlatformAdmin(CAROL);
        fixture.given(withBob(TeamRole.MEMBER)).when(new RemoveMemberCommand(TEAM, BOB), asCarol)
                .expectEvents(new MemberRemoved(TEAM, BOB));
    }
}
