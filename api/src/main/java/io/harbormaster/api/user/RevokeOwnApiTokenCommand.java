package io.harbormaster.api.user;

/** Revoke one of the acting user's own personal API tokens (the portal's revoke; {@code DELETE /api/tokens/{id}}). */
public record RevokeOwnApiTokenCommand(String tokenId) {
}
