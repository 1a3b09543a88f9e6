package io.harbormaster.cli.token;

import java.time.Instant;

/** The answer of {@code POST /api/tokens}: the only time the server shows the token. */
record IssuedToken(String tokenId, String name, Instant expiresAt, String token) {

    @Override
    public String toString() {
        return "IssuedToken[" + tokenId + ", " + name + ", token=***]";
    }
}
