package io.harbormaster.api.team;

import io.harbormaster.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a member another role. */
public record ChangeMemberRoleCommand(@TargetAggregateIdentifier TeamId teamId, UserId userId, TeamRole role) {
}
