package io.harbormaster.cli.token;

import java.time.Instant;

/** One of the caller's API tokens as {@code GET /api/tokens} lists it: never its secret. */
record TokenView(String tokenId, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                 boolean revoked) {

    /** active, expired or revoked. */
    String state(Instant now) {
        if (revoked) {
            return "revoked";
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? "expired" : "active";
    }
}
