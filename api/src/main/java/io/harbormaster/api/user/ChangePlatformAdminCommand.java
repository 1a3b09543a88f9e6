package io.harbormaster.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grant ({@code true}) or revoke ({@code false}) the platform admin role. The last platform admin cannot be revoked. */
public record ChangePlatformAdminCommand(@TargetAggregateIdentifier UserId userId, boolean platformAdmin) {
}
