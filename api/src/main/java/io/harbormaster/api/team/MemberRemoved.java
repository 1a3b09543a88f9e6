package io.harbormaster.api.team;

import io.harbormaster.api.user.UserId;
/** A member left the team. */
public record MemberRemoved(TeamId teamId, UserId userId) {
}
