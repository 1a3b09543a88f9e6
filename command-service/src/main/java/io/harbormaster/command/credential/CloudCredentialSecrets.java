package io.harbormaster.command.credential;

import io.harbormaster.api.credential.CloudCredentialName;
import io.harbormaster.api.team.TeamId;
import java.util.Map;

/** Where a team's cloud credentials keep their fields: the secret store, at {@code teams/<id>/credentials/<name>}. */
public interface CloudCredentialSecrets {

    /**
     * Stores {@code fields} as the credential's next version and answers its number. If the command then rolls back,
     * the write is undone (the path destroyed, or the previous version written again), so the latest version is
     * always the one the events name.
     */
    long write(TeamId team, CloudCredentialName name, Map<String, String> fields);

    /** Destroys every version of the credential; nothing there is fine. */
    void destroy(TeamId team, CloudCredentialName name);
}
