package io.harbormaster.command.credential;

import io.harbormaster.api.credential.CloudCredentialFields;
import io.harbormaster.api.credential.CloudCredentialName;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.machine.NamedCredentials;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import org.springframework.stereotype.Component;

/**
 * Looks for the named credential where drivers will read it: the secret store. A removed credential's keys are
 * destroyed there, so it is absent too. A store that cannot be reached fails the creation with its own message.
 */
@Component
class StoredNamedCredentials implements NamedCredentials {

    private final SecretStore secrets;

    StoredNamedCredentials(SecretStore secrets) {
        this.secrets = secrets;
    }

    @Override
    public void requireExisting(TeamId team, DriverOptions options) {
        var named = options.values().get(CloudCredentialFields.MACHINE_OPTION);
        if (named == null || named.isBlank()) {
            return;
        }
        CloudCredentialName name;
        try {
            name = CloudCredentialName.of(named.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException(CloudCredentialFields.MACHINE_OPTION, e.getMessage());
        }
        if (secrets.read(SecretPath.teamCredential(team, name.value())).isEmpty()) {
            throw new InvalidCommandException(CloudCredentialFields.MACHINE_OPTION, "The team has no cloud "
                    + "credential '" + name.value() + "'. A team owner adds it first (hm credentials add "
                    + name.value() + " --access-key-id ID, or the portal's Teams page); hm credentials lists the "
                    + "team's credentials.");
        }
    }
}
