package io.harbormaster.api.credential;

import io.harbormaster.api.team.TeamId;

/**
 * Replace a credential's keys with new ones (a new version in the secret store). A role ARN or region given in
 * {@code settings} replaces the current one; null keeps it.
 */
public record RotateCloudCredentialCommand(TeamId teamId, CloudCredentialName name, AwsKeys keys,
                                           AwsSettings settings) {
}
