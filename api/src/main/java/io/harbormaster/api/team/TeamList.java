package io.harbormaster.api.team;

import java.util.List;

/** The teams on the platform. */
public record TeamList(List<TeamSummary> teams) {

    public TeamList {
        teams = List.copyOf(teams);
    }
}
