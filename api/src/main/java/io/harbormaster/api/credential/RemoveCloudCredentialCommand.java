package io.harbormaster.api.credential;

import io.harbormaster.api.team.TeamId;

/** Remove a team's cloud credential; refused while a machine of the team names it. */
public record RemoveCloudCredentialCommand(TeamId teamId, CloudCredentialName name) {
}
