package io.harbormaster.api.machine;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.Caller;
import java.time.Instant;

/**
 * A team's machines as they were at {@code at}, replayed from the event store, with what changed since. Answers
 * {@link FleetAsOf}, or null when the caller may not see the team (or there is none).
 */
public record FindFleetAsOfQuery(TeamId teamId, Instant at, Caller caller) {
}
