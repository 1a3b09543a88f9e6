package io.harbormaster.api.user;

/** A user was registered. */
public record UserRegistered(UserId userId, Username username, String displayName, boolean platformAdmin) {
}
