package io.harbormaster.command.user;

import static io.harbormaster.command.refusal.InvalidCommandException.requirePresent;
import static io.harbormaster.command.refusal.InvalidCommandException.requireText;

import io.harbormaster.api.user.RegisterUserCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.lookup.NameClaims;
import io.harbormaster.command.refusal.ConflictException;
import org.axonframework.commandhandling.CommandHandler;
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

    UserRegistrationHandler(Repository<User> userRepository, NameClaims claims) {
        this.users = userRepository;
        this.claims = claims;
    }

    @CommandHandler
    UserId handle(RegisterUserCommand command) throws Exception {
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
