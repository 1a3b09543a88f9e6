package io.harbormaster.api.team;

import io.harbormaster.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a team with its first owner. */
public record CreateTeamCommand(@TargetAggregateIdentifier TeamId teamId, TeamName name, UserId owner) {
}
