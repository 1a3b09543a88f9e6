package io.harbormaster.api.user;

import java.time.Instant;

/** A user as others see them: no credentials, ever. */
public record UserSummary(UserId id, String username, String displayName, boolean platformAdmin, Instant registeredAt) {
}
