package io.harbormaster.security.token;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.user.IssueApiTokenCommand;
import io.harbormaster.api.user.RevokeApiTokenCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.security.account.AccountStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issuing, listing and revoking personal API tokens: the one application service behind {@code /api/tokens} and the
 * portal's tokens view (which reaches it over the command and query bus, {@link PortalApiTokens}). The secret is
 * generated here, returned once and kept only as its hash.
 *
 * <p>How the hash reaches the table without entering the event: issuing runs in one Spring transaction that sends
 * {@link IssueApiTokenCommand} and then inserts the row. Axon's command bus is the local, synchronous one and its
 * unit of work joins the surrounding transaction (also when this runs inside the portal's command handler, whose
 * transaction it joins), so {@code ApiTokenIssued} is appended in that same transaction: if the command is refused
 * nothing is inserted, and if the insert fails the event is rolled back with it. The row exists exactly when the
 * event does, and no holder has to smuggle the hash to an event handler. The same is why a revocation can be refused
 * from the table: a token has a row exactly when the User aggregate knows it.
 */
public class ApiTokens {

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
    ApiTokens(CommandGateway commands, @Value("${harbormaster.commands.timeout-seconds:30}") long timeoutSeconds,
            ApiTokenStore tokens, AccountStore accounts, PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.timeoutSeconds = timeoutSeconds;
        this.tokens = tokens;
        this.accounts = accounts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = Clock.systemUTC();
    }

    /** A token just issued: the only value that ever holds the secret, which {@link #toString()} never shows. */
    public record Issued(String tokenId, String name, Instant expiresAt, String token) {

        @Override
        public String toString() {
            return "Issued[" + tokenId + ", " + name + ", token=***]";
        }
    }

    /** A request the service refuses; {@link #answer()} is its problem detail, the message its detail text. */
    public static final class RefusedException extends RuntimeException {

        private final transient ResponseEntity<ProblemDetail> answer;

        RefusedException(ResponseEntity<ProblemDetail> answer) {
            super(answer.getBody() == null ? "refused" : answer.getBody().getDetail());
            this.answer = answer;
        }

        ResponseEntity<ProblemDetail> answer() {
            return answer;
        }
    }

    /**
     * Issues {@code owner} a token; {@code name} 1..64 characters without control characters, {@code expiresInDays}
     * 1..365 (null: 30).
     */
    public Issued issue(UserId owner, String requestedName, Integer expiresInDays) {
        var name = requestedName == null ? "" : requestedName.strip();
        var days = expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new RefusedException(ApiTokenProblems.invalid("name", "must be 1 to " + MAX_NAME_LENGTH
                    + " characters"));
        }
        int control = ControlCharacters.first(name, "");
        if (control >= 0) {
            throw new RefusedException(ApiTokenProblems.invalid("name", ControlCharacters.refusal(name, control)));
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new RefusedException(ApiTokenProblems.invalid("expiresInDays", "must be between 1 and " + MAX_DAYS));
        }
        var tokenId = UUID.randomUUID().toString();
        var token = ApiTokenSecrets.generate();
        var createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var expiresAt = createdAt.plus(Duration.ofDays(days));
        transactions.executeWithoutResult(status -> {
            send(new IssueApiTokenCommand(owner, tokenId, name, expiresAt));
            tokens.insert(tokenId, owner, name, ApiTokenSecrets.hash(token), createdAt, expiresAt);
        });
        return new Issued(tokenId, name, expiresAt, token);
    }

    public List<ApiTokenStore.TokenSummary> list(UserId owner) {
        return tokens.listFor(owner);
    }

    /**
     * Refuses what the User aggregate would refuse, in its order: an unknown user (left to Axon's repository, which
     * refuses before the handler runs), a malformed token id, a token never issued to this user. Revoking a revoked
     * token again is fine. Accounts, like token rows, are written in the transaction of their events.
     */
    public void revoke(UserId owner, String tokenId) {
        if (accounts.exists(owner)) {
            var refusal = ApiTokenProblems.malformedTokenId(tokenId);
            if (refusal.isPresent()) {
                throw new RefusedException(refusal.get());
            }
            if (!tokens.issuedTo(owner, tokenId.strip())) {
                throw new RefusedException(ApiTokenProblems.tokenNotFound(tokenId.strip()));
            }
        }
        send(new RevokeApiTokenCommand(owner, tokenId));
    }

    private void send(Object command) {
        commands.sendAndWait(command, timeoutSeconds, TimeUnit.SECONDS);
    }
}
