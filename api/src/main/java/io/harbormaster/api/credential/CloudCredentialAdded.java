package io.harbormaster.api.credential;

import io.harbormaster.api.team.TeamId;

/**
 * A team got a cloud credential. Holds what may be shown (the access key id's last four characters, the role and
 * region) and the secret store version of its keys; never a key.
 */
public record CloudCredentialAdded(TeamId teamId, CloudCredentialName name, CloudCredentialType type,
                                   String accessKeyIdLast4, String roleArn, String region, long secretVersion) {
}
