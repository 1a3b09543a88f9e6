package io.harbormaster.api.user;

/** A personal API token was issued (id, name and expiry; never the token). */
public record ApiTokenIssued(UserId userId, String tokenId, String name, java.time.Instant expiresAt) {
}
