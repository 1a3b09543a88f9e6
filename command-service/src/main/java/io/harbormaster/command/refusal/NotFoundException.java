package io.harbormaster.command.refusal;

/**
 * Something the command refers to does not exist (HTTP 404). The same message is used whether it is missing or, once
 * access checks come, merely invisible to the caller, so a refusal never reveals what exists.
 */
public class NotFoundException extends CommandRefusedException {

    public NotFoundException(String code, String message) {
        super(code, message);
    }

    public static NotFoundException team(Object teamId) {
        return new NotFoundException("team-not-found",
                "Team " + teamId + " was not found. Check the team id, or ask an owner to add you to the team.");
    }

    public static NotFoundException user(Object userId) {
        return new NotFoundException("user-not-found",
                "User " + userId + " was not found. Check the user id; users must be registered first.");
    }
}
