package io.harbormaster.api.team;

import io.harbormaster.api.user.UserId;
/** A user joined the team with a role. */
public record MemberAdded(TeamId teamId, UserId userId, TeamRole role) {
}
