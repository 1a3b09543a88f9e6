package io.harbormaster.api.team;

import io.harbormaster.api.user.Caller;

/** One team with its members. Answers {@link TeamDetail}, or null when there is no such team. */
public record FindTeamQuery(TeamId teamId, Caller caller) {
}
