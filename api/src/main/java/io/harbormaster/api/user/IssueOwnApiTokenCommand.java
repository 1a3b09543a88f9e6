package io.harbormaster.api.user;

/**
 * Issue the acting user (the command's actor, never anyone else) a personal API token: what the portal sends; the
 * REST API's {@code POST /api/tokens} does the same through the same service. Answers {@link IssuedOwnApiToken}.
 * {@code expiresInDays} null means the default (30).
 */
public record IssueOwnApiTokenCommand(String name, Integer expiresInDays) {
}
