package io.harbormaster.command.user;

import io.harbormaster.api.user.ApiTokenIssued;
import io.harbormaster.api.user.ApiTokenRevoked;
import io.harbormaster.api.user.IssueApiTokenCommand;
import io.harbormaster.api.user.RegisterUserCommand;
import io.harbormaster.api.user.RevokeApiTokenCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.Username;
import io.harbormaster.command.lookup.InMemoryLookups;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotFoundException;
import java.time.Instant;
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
        fixture.registerAnnotatedCommandHandler(new UserRegistrationHandler(fixture.getRepository(), lookups));
    }

    @Test
    void givenNoUser_whenRegister_thenUserRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(BOB, BOB_NAME, "  Bob Builder ", false))
                .expectResultMessagePayload(BOB)
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
