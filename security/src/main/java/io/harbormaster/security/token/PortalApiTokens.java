package io.harbormaster.security.token;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;

import io.harbormaster.api.user.ApiTokenList;
import io.harbormaster.api.user.FindOwnApiTokensQuery;
import io.harbormaster.api.user.IssueOwnApiTokenCommand;
import io.harbormaster.api.user.IssuedOwnApiToken;
import io.harbormaster.api.user.RevokeOwnApiTokenCommand;
import io.harbormaster.api.user.UserId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The portal's way to {@link ApiTokens}: the portal may not depend on this module, so it sends commands and queries
 * over Axon's buses, and these handlers call the same service as {@code /api/tokens}. The owner is always the
 * command's actor, stamped from the portal's signed-in user, so nobody can issue or revoke another user's token here.
 * Issuing runs inside the command's unit of work and its transaction, which {@link ApiTokens#issue} joins: the
 * event and the hash row still commit together.
 */
class PortalApiTokens {

    private final ApiTokens tokens;

    PortalApiTokens(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @CommandHandler
    IssuedOwnApiToken handle(IssueOwnApiTokenCommand command, @MetaDataValue(ACTOR_ID) String actorId) {
        var issued = tokens.issue(owner(actorId), command.name(), command.expiresInDays());
        return new IssuedOwnApiToken(issued.tokenId(), issued.name(), issued.expiresAt(), issued.token());
    }

    @CommandHandler
    void handle(RevokeOwnApiTokenCommand command, @MetaDataValue(ACTOR_ID) String actorId) {
        tokens.revoke(owner(actorId), command.tokenId());
    }

    @QueryHandler
    ApiTokenList handle(FindOwnApiTokensQuery query) {
        if (query.caller() == null) {
            return new ApiTokenList(java.util.List.of());
        }
        return new ApiTokenList(tokens.list(query.caller().userId()).stream()
                .map(t -> new ApiTokenList.Token(t.tokenId(), t.name(), t.createdAt(), t.expiresAt(), t.lastUsedAt(),
                        t.revoked()))
                .toList());
    }

    /** Only users hold tokens; the platform's own actors (system, reconciler) have none. */
    private static UserId owner(String actorId) {
        try {
            return UserId.of(actorId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Personal API tokens are issued to signed-in users only.");
        }
    }
}
