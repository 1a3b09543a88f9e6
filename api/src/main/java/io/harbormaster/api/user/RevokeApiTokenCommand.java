package io.harbormaster.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke a personal API token. */
public record RevokeApiTokenCommand(@TargetAggregateIdentifier UserId userId, String tokenId) {
}
