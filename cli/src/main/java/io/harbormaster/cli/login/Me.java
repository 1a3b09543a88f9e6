package io.harbormaster.cli.login;

import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /api/me}: who the server takes the caller for, and how it knows. */
public record Me(String userId, String username, String displayName, boolean platformAdmin, String authenticatedBy,
                 Token token, List<Team> teams) {

    public Me {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    /** The personal API token the request was signed with. */
    public record Token(String tokenId, String name, Instant expiresAt) {
    }

    public record Team(String teamId, String name, String role) {
    }
}
