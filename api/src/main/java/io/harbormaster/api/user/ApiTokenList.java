package io.harbormaster.api.user;

import java.time.Instant;
import java.util.List;

/** A user's personal API tokens, oldest first: what they are called and when they expire, never a secret. */
public record ApiTokenList(List<Token> tokens) {

    public ApiTokenList {
        tokens = List.copyOf(tokens);
    }

    public record Token(String tokenId, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                        boolean revoked) {
    }
}
