package io.harbormaster.api.team;

import io.harbormaster.api.user.Caller;

/** The caller's teams (a platform admin: all teams), by name. Answers {@link TeamList}. */
public record FindTeamsQuery(Caller caller) {
}
