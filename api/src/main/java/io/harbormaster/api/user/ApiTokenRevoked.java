package io.harbormaster.api.user;

/** A personal API token was revoked. */
public record ApiTokenRevoked(UserId userId, String tokenId) {
}
