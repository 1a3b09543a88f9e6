package io.harbormaster.api.credential;

import io.harbormaster.api.team.TeamId;

/**
 * A credential was removed; its secret is destroyed after this is stored. {@code lastSecretVersion} is the last
 * version it had, so the clean-up never destroys a credential added again under the same name meanwhile.
 */
public record CloudCredentialRemoved(TeamId teamId, CloudCredentialName name, CloudCredentialType type,
                                     long lastSecretVersion) {
}
