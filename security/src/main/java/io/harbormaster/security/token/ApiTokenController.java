package io.harbormaster.security.token;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.user.IssueApiTokenCommand;
import io.harbormaster.api.user.RevokeApiTokenCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.security.account.Account;
import io.harbormaster.security.account.AccountStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Value;
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
 * exists exactly when the event does, and no holder has to smuggle the hash to an event handler. The same is why a
 * revocation can be refused from the table: a token has a row exactly when the User aggregate knows it.
 */
@RestController
@Tag(name = "API tokens")
class ApiTokenController {

    static final int MAX_NAME_LENGTH = 64;
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 365;

    private final CommandGateway commands;
    private final long timeoutSeconds;
    private final ApiTokenStore tokens;
    private final AccountStore accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Waits for the User aggregate as long as every other command endpoint does. */
    ApiTokenController(CommandGateway commands, @Value("${harbormaster.commands.timeout-seconds:30}") long timeoutSeconds,
            ApiTokenStore tokens, AccountStore accounts, PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.timeoutSeconds = timeoutSeconds;
        this.tokens = tokens;
        this.accounts = accounts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = Clock.systemUTC();
    }

    @Schema(name = "IssueApiTokenRequest", example = """

            {"name": "laptop", "expiresInDays": 30}""")

    record IssueRequest(String name, Integer expiresInDays) {
    }

    /** The only answer that ever holds the token. */
    @Schema(name = "IssuedApiToken")
    record IssuedToken(String tokenId, String name, Instant expiresAt, String token) {

        @Override
        public String toString() {
            return "IssuedToken[" + tokenId + ", " + name + ", token=***]";
        }
    }

    @PostMapping("/api/tokens")
    @Operation(operationId = "issueApiToken", summary = "Create a personal API token", description = "The token is "
            + "in this answer only; use it as `Authorization: Bearer <token>`. `expiresInDays` 1..365, default 30; "
            + "`name` 1..64 characters.")
    @ApiResponse(responseCode = "201", description = "Created; the token is in this answer only",
            content = @Content(schema = @Schema(implementation = IssuedToken.class)))
    @ApiResponse(responseCode = "400", description = "A name or expiry out of range; `errors` names the field")
    ResponseEntity<?> issue(@AuthenticationPrincipal Account caller, @RequestBody IssueRequest request) {
        var name = request.name() == null ? "" : request.name().strip();
        var days = request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return ApiTokenProblems.invalid("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        int control = ControlCharacters.first(name, "");
        if (control >= 0) {
            return ApiTokenProblems.invalid("name", ControlCharacters.refusal(name, control));
        }
        if (days < 1 || days > MAX_DAYS) {
            return ApiTokenProblems.invalid("expiresInDays", "must be between 1 and " + MAX_DAYS);
        }
        var tokenId = UUID.randomUUID().toString();
        var token = ApiTokenSecrets.generate();
        var createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var expiresAt = createdAt.plus(Duration.ofDays(days));
        transactions.executeWithoutResult(status -> {
            send(new IssueApiTokenCommand(caller.userId(), tokenId, name, expiresAt));
            tokens.insert(tokenId, caller.userId(), name, ApiTokenSecrets.hash(token), createdAt, expiresAt);
        });
        return ResponseEntity.created(URI.create("/api/tokens/" + tokenId))
                .body(new IssuedToken(tokenId, name, expiresAt, token));
    }

    @GetMapping("/api/tokens")
    @Operation(operationId = "listApiTokens", summary = "List your API tokens (never their secrets)")
    List<ApiTokenStore.TokenSummary> list(@AuthenticationPrincipal Account caller) {
        return tokens.listFor(caller.userId());
    }

    @DeleteMapping("/api/tokens/{tokenId}")
    @Operation(operationId = "revokeApiToken", summary = "Revoke one of your API tokens")
    @ApiResponse(responseCode = "204", description = "Revoked, or revoked already")
    @ApiResponse(responseCode = "400", description = "A malformed token id")
    @ApiResponse(responseCode = "404", description = "No such user, or no such token of the user")
    ResponseEntity<?> revoke(@AuthenticationPrincipal Account caller, @PathVariable String tokenId) {
        return revoke(caller.userId(), tokenId);
    }

    @GetMapping("/api/users/{userId}/tokens")
    @Operation(operationId = "listUserApiTokens", summary = "List a user's API tokens (platform admins only)")
    List<ApiTokenStore.TokenSummary> listOf(@PathVariable String userId) {
        return tokens.listFor(UserId.of(userId));
    }

    @DeleteMapping("/api/users/{userId}/tokens/{tokenId}")
    @Operation(operationId = "revokeUserApiToken", summary = "Revoke a user's API token (platform admins only)")
    @ApiResponse(responseCode = "204", description = "Revoked, or revoked already")
    @ApiResponse(responseCode = "400", description = "A malformed token id")
    @ApiResponse(responseCode = "404", description = "No such user, or no such token of the user")
    ResponseEntity<?> revokeOf(@PathVariable String userId, @PathVariable String tokenId) {
        return revoke(UserId.of(userId), tokenId);
    }

    /**
     * Refuses what the User aggregate would refuse, in its order: an unknown user (left to Axon's repository, which
     * refuses before the handler runs), a malformed token id, a token never issued to this user. Revoking a revoked
     * token again is fine. Accounts, like token rows, are written in the transaction of their events.
     */
    private ResponseEntity<?> revoke(UserId owner, String tokenId) {
        if (accounts.exists(owner)) {
            var refusal = ApiTokenProblems.malformedTokenId(tokenId);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            if (!tokens.issuedTo(owner, tokenId.strip())) {
                return ApiTokenProblems.tokenNotFound(tokenId.strip());
            }
        }
        send(new RevokeApiTokenCommand(owner, tokenId));
        return ResponseEntity.noContent().build();
    }

    private void send(Object command) {
        commands.sendAndWait(command, timeoutSeconds, TimeUnit.SECONDS);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> noSuchUser(AggregateNotFoundException e) {
        return ApiTokenProblems.userNotFound(String.valueOf(e.getAggregateIdentifier()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badId(IllegalArgumentException e) {
        return ApiTokenProblems.notAUserId();
    }
}
