package io.harbormaster.command.credential;

import io.harbormaster.api.credential.CloudCredentialName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.secret.Secret;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps credentials in the {@link SecretStore} at {@link SecretPath#teamCredential}, where
 * {@code DriverContext.cloudCredential} reads them. A write is undone when the command's unit of work rolls back
 * (its event could not be stored): a first version is destroyed, a later one covered by writing the previous
 * version's fields again, because drivers read the latest version and it must be the one the events name.
 */
@Component
class SecretStoreCloudCredentials implements CloudCredentialSecrets {

    private static final Logger log = LoggerFactory.getLogger(SecretStoreCloudCredentials.class);

    private final SecretStore store;

    SecretStoreCloudCredentials(SecretStore store) {
        this.store = store;
    }

    @Override
    public long write(TeamId team, CloudCredentialName name, Map<String, String> fields) {
        var path = SecretPath.teamCredential(team, name.value());
        var version = store.write(path, fields).number();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onRollback(unitOfWork -> undo(path, version));
        }
        return version;
    }

    @Override
    public void destroy(TeamId team, CloudCredentialName name) {
        store.destroy(SecretPath.teamCredential(team, name.value()));
    }

    private void undo(SecretPath path, long version) {
        try {
            var previous = version > 1 ? store.read(path, version - 1) : Optional.<Secret>empty();
            if (previous.isPresent()) {
                store.write(path, previous.get().data());
            } else {
                store.destroy(path);
            }
        } catch (RuntimeException e) {
            log.warn("Could not undo version {} of the cloud credential at {} whose command failed: {}", version, path,
                    e.getMessage());
        }
    }
}
