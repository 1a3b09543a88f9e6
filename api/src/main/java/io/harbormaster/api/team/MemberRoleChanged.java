package io.harbormaster.api.team;

import io.harbormaster.api.user.UserId;
/** A member's role changed. */
public record MemberRoleChanged(TeamId teamId, UserId userId, TeamRole previousRole, TeamRole role) {
}
