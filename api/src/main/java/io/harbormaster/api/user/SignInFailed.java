package io.harbormaster.api.user;

/**
 * A sign-in was refused. {@code userId} and {@code username} name the account that was tried when one exists, and
 * are null otherwise. Never holds the password or token that was presented.
 */
public record SignInFailed(UserId userId, Username username, SignInMethod method, SignInFailure reason) {
}
