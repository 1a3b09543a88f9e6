package io.harbormaster.api.user;

import java.time.Instant;

/**
 * A personal API token just issued: the only value that holds the secret, shown to its owner once and never
 * stored; {@link #toString()} never shows it.
 */
public record IssuedOwnApiToken(String tokenId, String name, Instant expiresAt, String token) {

    @Override
    public String toString() {
        return "IssuedOwnApiToken[" + tokenId + ", " + name + ", token=***]";
    }
}
