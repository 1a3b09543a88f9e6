package io.harbormaster.api.team;

import io.harbormaster.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a member out of the team. */
public record RemoveMemberCommand(@TargetAggregateIdentifier TeamId teamId, UserId userId) {
}
