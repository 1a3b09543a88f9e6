package io.harbormaster.command.user;

import io.harbormaster.api.user.ApiTokenIssued;
import io.harbormaster.api.user.ApiTokenRevoked;
import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.user.ChangePlatformAdminCommand;
import io.harbormaster.api.user.IssueApiTokenCommand;
import io.harbormaster.api.user.PlatformAdminChanged;
import io.harbormaster.api.user.RegisterUserCommand;
import io.harbormaster.api.user.RevokeApiTokenCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.Username;
import io.harbormaster.command.lookup.InMemoryLookups;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotFoundException;
import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final UserId BOB = UserId.of("8d3f5e40-0000-4000-8000-000000000b0b");
    private static final Username BOB_NAME = Username.of("bob");
    private static final Instant EXPIRES = Instant.parse("2027-01-01T00:00:00Z");
    private static final UserRegistered REGISTERED = new UserRegistered(BOB, BOB_NAME, "Bob Builder", false);

    private InMemoryLookups lookups;
    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        lookups = new InMemoryLookups();
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(lookups);
        fixture.registerAnnotatedCommandHandler(new UserRegistrationHandler(fixture.getRepository(), lookups, lookups));
    }

    private static final UserId ALICE = UserId.of("8d3f5e40-0000-4000-8000-00000000a11c");

    private static Map<String, ?> as(UserId actor) {
        return Map.of(AuditMetadata.ACTOR_ID, actor.value());
    }

    @Test
    void givenBobAndAnAdmin_whenTheAdminGrantsBobThePlatformAdminRole_thenPlatformAdminChanged() {
        lookups.withPlatformAdmin(ALICE);
        fixture.given(REGISTERED)
                .when(new ChangePlatformAdminCommand(BOB, true), as(ALICE))
                .expectEvents(new PlatformAdminChanged(BOB, true));
    }

    @Test
    void givenBobIsAlreadyAdmin_whenGrantedAgain_thenNothingHappens() {
        lookups.withPlatformAdmin(ALICE).withPlatformAdmin(BOB);
        fixture.given(REGISTERED, new PlatformAdminChanged(BOB, true))
                .when(new ChangePlatformAdminCommand(BOB, true), as(ALICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenTwoAdmins_whenOneIsRevoked_thenPlatformAdminChanged() {
        lookups.withPlatformAdmin(ALICE).withPlatformAdmin(BOB);
        fixture.given(REGISTERED, new PlatformAdminChanged(BOB, true))
                .when(new ChangePlatformAdminCommand(BOB, false), as(ALICE))
                .expectEvents(new PlatformAdminChanged(BOB, false));
    }

    @Test
    void givenBobIsTheOnlyAdmin_whenHeRevokesHimself_thenRefusedAsTheLastAdmin() {
        lookups.withPlatformAdmin(BOB);
        fixture.given(new UserRegistered(BOB, BOB_NAME, "Bob Builder", true))
                .when(new ChangePlatformAdminCommand(BOB, false), as(BOB))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("This user is the only platform admin. Grant the role to someone else "
                        + "first, then revoke it here.");
    }

    @Test
    void givenBobIsNoAdmin_whenHeGrantsHimselfTheRole_thenForbidden() {
        fixture.given(REGISTERED)
                .when(new ChangePlatformAdminCommand(BOB, true), as(BOB))
                .expectNoEvents()
                .expectException(ForbiddenException.class);
    }

    @Test
    void givenNoUser_whenRegister_thenUserRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(BOB, BOB_NAME, "  Bob Builder ", false))
                .expectResultMessagePayload(BOB)
                .expectEvents(REGISTERED);
    }

    @Test
    void aUserWhoIsNoPlatformAdmin_mayNotRegisterUsers_anAdminMay() {
        lookups.withUser(ALICE);
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(BOB, BOB_NAME, "Bob Builder", false), as(ALICE))
                .expectNoEvents()
                .expectException(ForbiddenException.class)
                .expectExceptionMessage("Only a platform admin may register users.");

        lookups.withPlatformAdmin(ALICE);
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(BOB, BOB_NAME, "Bob Builder", false), as(ALICE))
                .expectEvents(REGISTERED);
    }

    @Test
    void someoneSigningUpAsThemselves_registers_asOidcsFirstSignInDoes() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(BOB, BOB_NAME, "Bob Builder", false), as(BOB))
                .expectEvents(REGISTERED);
    }

    @Test
    void givenBobIsRegistered_whenRegisterBobAgain_thenRefusedAsAlreadyRegistered() {
        lookups.claimUser(BOB, BOB_NAME);
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(BOB, Username.of("bobby"), "Bob", false))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("User " + BOB + " is already registered.");
    }

    @Test
    void givenUsernameBobIsTaken_whenRegisterAnotherBob_thenUsernameTaken() {
        lookups.claimUser(UserId.random(), BOB_NAME);
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(BOB, BOB_NAME, "Another Bob", false))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("The username 'bob' is taken. Choose another one.");
    }

    @Test
    void givenNoUser_whenRegisterWithABlankDisplayName_thenInvalidCommand() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(BOB, BOB_NAME, " ", false))
                .expectNoEvents()
                .expectException(InvalidCommandException.class);
    }

    @Test
    void givenNoUser_whenRegisterWithAnOverlongDisplayName_thenInvalidCommand() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(BOB, BOB_NAME, "b".repeat(201), false))
                .expectNoEvents()
                .expectException(InvalidCommandException.class);
    }

    @Test
    void givenBob_whenIssueToken_thenTokenIssued() {
        fixture.given(REGISTERED)
                .when(new IssueApiTokenCommand(BOB, "tok-1", "laptop", EXPIRES))
                .expectEvents(new ApiTokenIssued(BOB, "tok-1", "laptop", EXPIRES));
    }

    @Test
    void givenBobHasTok1_whenIssueTok1Again_thenRefused() {
        fixture.given(REGISTERED, new ApiTokenIssued(BOB, "tok-1", "laptop", EXPIRES))
                .when(new IssueApiTokenCommand(BOB, "tok-1", "desktop", EXPIRES))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    @Test
    void givenBob_whenIssueTokenWithoutExpiry_thenInvalidCommand() {
        fixture.given(REGISTERED)
                .when(new IssueApiTokenCommand(BOB, "tok-1", "laptop", null))
                .expectNoEvents()
                .expectException(InvalidCommandException.class);
    }

    @Test
    void givenBob_whenIssueTokenWithoutName_thenInvalidCommand() {
        fixture.given(REGISTERED)
                .when(new IssueApiTokenCommand(BOB, "tok-1", "", EXPIRES))
                .expectNoEvents()
                .expectException(InvalidCommandException.class);
    }

    @Test
    void givenBobHasTok1_whenRevokeTok1_thenTokenRevoked() {
        fixture.given(REGISTERED, new ApiTokenIssued(BOB, "tok-1", "laptop", EXPIRES))
                .when(new RevokeApiTokenCommand(BOB, "tok-1"))
                .expectEvents(new ApiTokenRevoked(BOB, "tok-1"));
    }

    @Test
    void givenTok1WasRevoked_whenRevokeTok1Again_thenNoEvents() {
        fixture.given(REGISTERED, new ApiTokenIssued(BOB, "tok-1", "laptop", EXPIRES), new ApiTokenRevoked(BOB, "tok-1"))
                .when(new RevokeApiTokenCommand(BOB, "tok-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenBob_whenRevokeAnUnknownToken_thenTokenNotFound() {
        fixture.given(REGISTERED)
                .when(new RevokeApiTokenCommand(BOB, "tok-9"))
                .expectNoEvents()
                .expectException(NotFoundException.class);
    }
}
