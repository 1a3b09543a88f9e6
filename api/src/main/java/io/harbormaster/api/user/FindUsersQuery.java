package io.harbormaster.api.user;

/** All users, by username. Answers {@link UserList}. */
public record FindUsersQuery() {
}
