package io.harbormaster.standalone.security;

import io.harbormaster.api.user.IssueApiTokenCommand;
import io.harbormaster.api.user.RevokeApiTokenCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.refusal.CommandRefusedException;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.NotFoundException;
import io.harbormaster.command.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal API tokens: the caller's own under {@code /api/tokens}, any user's under {@code /api/users/{id}/tokens}
 * for platform admins. The secret is generated here, returned once and kept only as its hash.
 *
 * <p>How the hash reaches the table without entering the event: issuing runs in one Spring transaction that sends
 * {@link IssueApiTokenCommand} and then inserts the row. Axon's command bus is the local, synchronous one and its
 * unit of work joins the surrounding transaction, so {@code ApiTokenIssued} is appended in that same transaction:
 * if the command is refused nothing is inserted, and if the insert fails the event is rolled back with it. The row
 * exists exactly when the event does, and no holder has to smuggle the hash to an event handler.
 */
@RestController
@Tag(name = "API tokens")
class ApiTokenController {

    static final int MAX_NAME_LENGTH = 64;
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 365;

    private final Commands commands;
    private final ApiTokenStore tokens;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ApiTokenController(Commands commands, ApiTokenStore tokens, PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.tokens = tokens;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = Clock.systemUTC();
    }

    record IssueRequest(String name, Integer expiresInDays) {
    }

    /** The only answer that ever holds the token. */
    record IssuedToken(String tokenId, String name, Instant expiresAt, String token) {

        @Override
        public String toString() {
            return "IssuedToken[" + tokenId + ", " + name + ", token=***]";
        }
    }

    @PostMapping("/api/tokens")
    @Operation(summary = "Create a personal API token", description = "The token is in this answer only; use it as "
            + "`Authorization: Bearer <token>`. `expiresInDays` 1..365, default 30; `name` 1..64 characters.")
    ResponseEntity<?> issue(@AuthenticationPrincipal Account caller, @RequestBody IssueRequest request) {
        var name = request.name() == null ? "" : request.name().strip();
        var days = request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return invalid("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (days < 1 || days > MAX_DAYS) {
            return invalid("expiresInDays", "must be between 1 and " + MAX_DAYS);
        }
        var tokenId = UUID.randomUUID().toString();
        var token = ApiTokenSecrets.generate();
        var createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var expiresAt = createdAt.plus(Duration.ofDays(days));
        transactions.executeWithoutResult(status -> {
            commands.send(new IssueApiTokenCommand(caller.userId(), tokenId, name, expiresAt));
            tokens.insert(tokenId, caller.userId(), name, ApiTokenSecrets.hash(token), createdAt, expiresAt);
        });
        return ResponseEntity.created(URI.create("/api/tokens/" + tokenId))
                .body(new IssuedToken(tokenId, name, expiresAt, token));
    }

    @GetMapping("/api/tokens")
    @Operation(summary = "List your API tokens (never their secrets)")
    List<ApiTokenStore.TokenSummary> list(@AuthenticationPrincipal Account caller) {
        return tokens.listFor(caller.userId());
    }

    @DeleteMapping("/api/tokens/{tokenId}")
    @Operation(summary = "Revoke one of your API tokens")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Account caller, @PathVariable String tokenId) {
        commands.send(new RevokeApiTokenCommand(caller.userId(), tokenId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/users/{userId}/tokens")
    @Operation(summary = "List a user's API tokens (platform admins only)")
    List<ApiTokenStore.TokenSummary> listOf(@PathVariable String userId) {
        return tokens.listFor(UserId.of(userId));
    }

    @DeleteMapping("/api/users/{userId}/tokens/{tokenId}")
    @Operation(summary = "Revoke a user's API token (platform admins only)")
    ResponseEntity<Void> revokeOf(@PathVariable String userId, @PathVariable String tokenId) {
        commands.send(new RevokeApiTokenCommand(UserId.of(userId), tokenId));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(CommandRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CommandRefusedException e) {
        var status = switch (e) {
            case NotFoundException notFound -> HttpStatus.NOT_FOUND;
            case ConflictException conflict -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return problem(status, e.code(), e.title(), e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> noSuchUser(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "user-not-found", "Not found",
                "No user with id " + e.getAggregateIdentifier() + " was found. Check the id.");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badId(IllegalArgumentException e) {
        return invalid("userId", "is not a user id (a UUID)");
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        var response = problem(HttpStatus.BAD_REQUEST, "invalid-command", "Invalid command",
                "The request has invalid fields: " + field + " " + message + ". Correct them and send it again.");
        response.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return response;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://harbormaster.dev/problems/" + code));
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
