package io.harbormaster.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a personal API token was issued; the token itself never enters a message. */
public record IssueApiTokenCommand(@TargetAggregateIdentifier UserId userId, String tokenId, String name, java.time.Instant expiresAt) {
}
