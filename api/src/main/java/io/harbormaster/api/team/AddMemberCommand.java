package io.harbormaster.api.team;

import io.harbormaster.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a user to the team with a role. */
public record AddMemberCommand(@TargetAggregateIdentifier TeamId teamId, UserId userId, TeamRole role) {
}
