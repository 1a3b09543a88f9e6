package io.harbormaster.cli.config;

import java.time.Instant;

/**
 * The workstation's login to one server, as {@code hm login} keeps it: the personal API token and what identifies it
 * on the server, so {@code hm logout} can revoke exactly that token.
 */
public record StoredLogin(String server, String username, String token, String tokenId, String tokenName,
                          Instant expiresAt) {

    @Override
    public String toString() {
        return "StoredLogin[" + username + "@" + server + ", token " + tokenName + " (" + tokenId + "), token=***]";
    }
}
