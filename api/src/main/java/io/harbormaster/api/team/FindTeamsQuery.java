package io.harbormaster.api.team;

/** All teams, by name. Answers {@link TeamList}. */
public record FindTeamsQuery() {
}
