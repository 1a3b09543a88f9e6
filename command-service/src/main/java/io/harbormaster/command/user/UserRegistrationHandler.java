package io.harbormaster.command.user;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;

import static io.harbormaster.command.refusal.InvalidCommandException.requirePresent;
import static io.harbormaster.command.refusal.InvalidCommandException.requireText;

import io.harbormaster.api.user.RegisterUserCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.lookup.NameClaims;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.lookup.AccessDirectory;
import io.harbormaster.command.lookup.Actors;
import io.harbormaster.command.refusal.ForbiddenException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Registers users, once each: the username and the id are claimed in the transaction that appends
 * {@code UserRegistered}, so neither can be registered twice, even by two requests at the same moment.
 */
@Component
class UserRegistrationHandler {

    static final int MAX_DISPLAY_NAME_LENGTH = 200;

    private final Repository<User> users;
    private final NameClaims claims;
    private final AccessDirectory access;

    UserRegistrationHandler(Repository<User> userRepository, NameClaims claims, AccessDirectory access) {
        this.users = userRepository;
        this.claims = claims;
        this.access = access;
    }

    /**
     * Registers the user. A user who registers someone else (the API, the portal) must be a platform admin; the
     * platform itself (the first start) and a person signing up as themselves (OIDC's first sign-in, acting as the
     * new account) need not be.
     */
    @CommandHandler
    UserId handle(RegisterUserCommand command, @MetaDataValue(ACTOR_ID) String actorId) throws Exception {
        var actor = Actors.user(actorId);
        if (actor.isPresent() && !actor.get().equals(command.userId()) && !access.isPlatformAdmin(actor.get())) {
            throw new ForbiddenException("Only a platform admin may register users.");
        }
        var id = requirePresent(command.userId(), "userId");
        var username = requirePresent(command.username(), "username");
        var displayName = requireText(command.displayName(), "displayName", MAX_DISPLAY_NAME_LENGTH);
        switch (claims.claimUser(id, username)) {
            case CLAIMED -> { }
            case NAME_TAKEN -> throw new ConflictException("username-taken",
                    "The username '" + username + "' is taken. Choose another one.");
            case ID_TAKEN -> throw new ConflictException("user-exists", "User " + id + " is already registered.");
        }
        var accepted = new RegisterUserCommand(id, username, displayName, command.platformAdmin());
        users.newInstance(() -> new User(accepted));
        return id;
    }
}
