package io.harbormaster.command.user;

import static io.harbormaster.command.refusal.InvalidCommandException.requirePresent;
import static io.harbormaster.command.refusal.InvalidCommandException.requireText;
import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.harbormaster.api.user.ApiTokenIssued;
import io.harbormaster.api.user.ApiTokenRevoked;
import io.harbormaster.api.user.ChangePlatformAdminCommand;
import io.harbormaster.api.user.IssueApiTokenCommand;
import io.harbormaster.api.user.PlatformAdminChanged;
import io.harbormaster.api.user.RegisterUserCommand;
import io.harbormaster.api.user.RevokeApiTokenCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.command.lookup.AccessDirectory;
import io.harbormaster.command.lookup.Actors;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.NotFoundException;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user, whether they are a platform admin, and the ids of their personal API tokens. Token ids are unique per user; revoking a revoked token is a
 * no-op. Whether an expiry date is acceptable is the issuer's business: the aggregate has no clock.
 */
@Aggregate
class User {

    static final int MAX_TOKEN_ID_LENGTH = 64;
    static final int MAX_TOKEN_NAME_LENGTH = 100;

    @AggregateIdentifier
    private UserId userId;
    private boolean platformAdmin;
    /** Token id to whether it was revoked. */
    private final Map<String, Boolean> tokens = new HashMap<>();

    User() {
        // for Axon, which rebuilds the user from their events
    }

    /** Registers the user; {@link UserRegistrationHandler} has claimed the username. */
    User(RegisterUserCommand command) {
        apply(new UserRegistered(command.userId(), command.username(), command.displayName(), command.platformAdmin()));
    }

    @CommandHandler
    void handle(IssueApiTokenCommand command) {
        var tokenId = requireText(command.tokenId(), "tokenId", MAX_TOKEN_ID_LENGTH);
        var name = requireText(command.name(), "name", MAX_TOKEN_NAME_LENGTH);
        var expiresAt = requirePresent(command.expiresAt(), "expiresAt");
        if (tokens.containsKey(tokenId)) {
            throw new ConflictException("token-exists", "A token with id " + tokenId
                    + " was already issued to this user. Issue the new token under a new id.");
        }
        apply(new ApiTokenIssued(userId, tokenId, name, expiresAt));
    }

    @CommandHandler
    void handle(RevokeApiTokenCommand command) {
        var tokenId = requireText(command.tokenId(), "tokenId", MAX_TOKEN_ID_LENGTH);
        var revoked = tokens.get(tokenId);
        if (revoked == null) {
            throw new NotFoundException("token-not-found", "No token with id " + tokenId
                    + " was issued to this user. List the user's tokens to find the right id.");
        }
        if (!revoked) {
            apply(new ApiTokenRevoked(userId, tokenId));
        }
    }

    /**
     * Changing the role again to what it is is a no-op. The platform keeps at least one admin, so nobody is left to
     * manage users; two admins revoking each other at the same instant could still both pass, which the bootstrap's
     * recovery (a new admin from the console) covers.
     */
    @CommandHandler
    void handle(ChangePlatformAdminCommand command, @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        var actor = Actors.user(actorId);
        if (actor.isPresent() && !access.isPlatformAdmin(actor.get())) {
            throw new ForbiddenException("Only a platform admin may grant or revoke the platform admin role.");
        }
        if (command.platformAdmin() == platformAdmin) {
            return;
        }
        if (!command.platformAdmin() && access.platformAdminCount() <= 1) {
            throw new ConflictException("last-platform-admin", "This user is the only platform admin. Grant the "
                    + "role to someone else first, then revoke it here.");
        }
        apply(new PlatformAdminChanged(userId, command.platformAdmin()));
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        platformAdmin = event.platformAdmin();
    }

    @EventSourcingHandler
    void on(PlatformAdminChanged event) {
        platformAdmin = event.platformAdmin();
    }

    @EventSourcingHandler
    void on(ApiTokenIssued event) {
        tokens.put(event.tokenId(), false);
    }

    @EventSourcingHandler
    void on(ApiTokenRevoked event) {
        tokens.put(event.tokenId(), true);
    }
}
