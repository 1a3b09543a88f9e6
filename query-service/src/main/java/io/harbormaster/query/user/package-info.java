/**
 * The users read model ({@code users}): who is registered, never their credentials; answers {@code FindUsersQuery}
 * and serves {@code GET /api/users}.
 */
package io.harbormaster.query.user;
