package io.harbormaster.api.credential;

import io.harbormaster.api.team.TeamId;

/** A credential's keys were replaced: the new key's last four characters, role, region and secret version. */
public record CloudCredentialRotated(TeamId teamId, CloudCredentialName name, CloudCredentialType type,
                                     String accessKeyIdLast4, String roleArn, String region, long secretVersion) {
}
