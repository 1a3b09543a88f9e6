package io.harbormaster.api.credential;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.Caller;

/** One credential of the team, or null when there is none of that name or the caller may not see the team. */
public record FindCloudCredentialQuery(TeamId teamId, CloudCredentialName name, Caller caller) {
}
