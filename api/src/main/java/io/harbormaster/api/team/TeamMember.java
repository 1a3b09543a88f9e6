package io.harbormaster.api.team;

import io.harbormaster.api.user.UserId;
import java.time.Instant;

/** A member of a team and their role. */
public record TeamMember(UserId userId, String username, String displayName, TeamRole role, Instant since) {
}
