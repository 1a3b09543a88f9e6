package io.harbormaster.api.credential;

import io.harbormaster.api.team.TeamId;

/** Add a named cloud credential to a team (team owners). Its keys go to the secret store, never into an event. */
public record AddCloudCredentialCommand(TeamId teamId, CloudCredentialName name, CloudCredentialType type,
                                        AwsKeys keys, AwsSettings settings) {
}
