package io.harbormaster.api.user;

/** The user was granted ({@code true}) or lost ({@code false}) the platform admin role. */
public record PlatformAdminChanged(UserId userId, boolean platformAdmin) {
}
