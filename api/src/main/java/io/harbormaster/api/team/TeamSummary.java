package io.harbormaster.api.team;

import java.time.Instant;

/** A team in the team list. */
public record TeamSummary(TeamId id, String name, int memberCount, Instant createdAt) {
}
