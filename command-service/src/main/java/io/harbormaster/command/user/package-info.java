/**
 * Users on the write side: the {@link io.harbormaster.command.user.User} aggregate with its API token records, the
 * registration handler that claims usernames, and the command REST API under {@code /api/users}. Credentials are
 * kept by the security code outside the event store; only token ids and expiry dates are recorded here.
 */
package io.harbormaster.command.user;
