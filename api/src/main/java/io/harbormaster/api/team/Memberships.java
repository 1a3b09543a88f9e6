package io.harbormaster.api.team;

import java.util.List;

/** A user's display name (null when unknown) and the teams they have a role in, by team name. */
public record Memberships(String displayName, List<Membership> teams) {

    public Memberships {
        teams = List.copyOf(teams);
    }

    /** One team of the user and their role there. */
    public record Membership(TeamId teamId, String name, TeamRole role) {
    }
}
