package io.harbormaster.api.credential;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.Caller;

/** The team's credentials, or null when the caller may not see the team (or it does not exist). */
public record FindCloudCredentialsQuery(TeamId teamId, Caller caller) {
}
