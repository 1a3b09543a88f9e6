package io.harbormaster.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a user on the platform. Credentials are kept outside the event store. */
public record RegisterUserCommand(@TargetAggregateIdentifier UserId userId, Username username, String displayName, boolean platformAdmin) {
}
