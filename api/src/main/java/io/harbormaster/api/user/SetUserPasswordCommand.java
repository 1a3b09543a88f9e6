package io.harbormaster.api.user;

/**
 * Sets a user's password, as a platform admin (the portal's counterpart of {@code PUT /api/users/{id}/password}).
 * The password travels in this command only, to be hashed; it prints as {@code ***}, and no event holds it.
 */
public record SetUserPasswordCommand(UserId userId, String password) {

    @Override
    public String toString() {
        return "SetUserPasswordCommand[userId=" + userId + ", password=***]";
    }
}
