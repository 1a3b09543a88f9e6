package io.harbormaster.api.user;

/**
 * Someone signed in interactively (the portal's form or OIDC). Requests to the API that carry credentials are not
 * sign-ins of their own: each command they send is already in the audit trail with its actor and channel.
 */
public record UserSignedIn(UserId userId, Username username, SignInMethod method) {
}
