package io.harbormaster.api.team;

import io.harbormaster.api.user.UserId;
/** A team was created; its first owner follows as a MemberAdded event. */
public record TeamCreated(TeamId teamId, TeamName name, UserId createdBy) {
}
