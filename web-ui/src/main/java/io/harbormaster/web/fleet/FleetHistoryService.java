package io.harbormaster.web.fleet;

import io.harbormaster.api.machine.FleetAsOf;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The fleet as it was: the same query as {@code GET /api/teams/{id}/fleet}. */
public interface FleetHistoryService {

    /** The teams the signed-in user may look at. */
    List<TeamSummary> teams();

    /** The team's fleet at {@code at} and what changed since; empty when the user may not see the team. */
    Optional<FleetAsOf> asOf(TeamId team, Instant at);
}
