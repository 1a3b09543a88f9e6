package io.harbormaster.command.credential;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.harbormaster.api.credential.AddCloudCredentialCommand;
import io.harbormaster.api.credential.AwsKeys;
import io.harbormaster.api.credential.AwsSettings;
import io.harbormaster.api.credential.CloudCredentialAdded;
import io.harbormaster.api.credential.CloudCredentialFields;
import io.harbormaster.api.credential.CloudCredentialName;
import io.harbormaster.api.credential.CloudCredentialRemoved;
import io.harbormaster.api.credential.CloudCredentialRotated;
import io.harbormaster.api.credential.CloudCredentialType;
import io.harbormaster.api.credential.RemoveCloudCredentialCommand;
import io.harbormaster.api.credential.RotateCloudCredentialCommand;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.lookup.CloudCredentialUsers;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One named cloud credential of a team, identified by {@code <team id>/<name>} (a name is one path segment, so the
 * pair is unique). It remembers what it may show and the version of its keys in the secret store, never a key.
 * Removed, it may be added again under the same name. Each decision stores or destroys the keys through
 * {@link CloudCredentialSecrets} before its event is applied, in the command's unit of work: a failing store refuses
 * the command with nothing recorded, and a failing append undoes the write.
 */
@Aggregate
class CloudCredential {

    @AggregateIdentifier
    private String id;
    private TeamId teamId;
    private CloudCredentialName name;
    private CloudCredentialType type;
    private String accessKeyIdLast4;
    private AwsSettings settings;
    private long secretVersion;
    private boolean removed;

    CloudCredential() {
        // for Axon, which rebuilds the credential from its events; blank, it is one that never existed
    }

    static String id(TeamId team, CloudCredentialName name) {
        return team.value() + "/" + name.value();
    }

    /**
     * Adds the credential: a new one, or again under the name a removed one had; a live one of that name is a
     * conflict. {@link CloudCredentialHandler} has checked the team and the caller.
     */
    void add(AddCloudCredentialCommand command, CloudCredentialSecrets secrets, String teamName) {
        if (live()) {
            throw new ConflictException("credential-exists", "Team '" + teamName + "' already has a cloud credential "
                    + "named '" + name + "'. Rotate it to replace its keys, or choose another name.");
        }
        record(command, secrets);
    }

    private void record(AddCloudCredentialCommand command, CloudCredentialSecrets secrets) {
        var settings = command.settings() == null ? AwsSettings.none() : command.settings();
        var version = secrets.write(command.teamId(), command.name(), fields(command.type(), command.keys(), settings));
        apply(new CloudCredentialAdded(command.teamId(), command.name(), command.type(),
                command.keys().accessKeyIdLast4(), settings.roleArn(), settings.region(), version));
    }

    /** The credential as its (latest) addition recorded it, for the answer to an add. */
    CloudCredentialAdded added() {
        return new CloudCredentialAdded(teamId, name, type, accessKeyIdLast4, settings.roleArn(), settings.region(),
                secretVersion);
    }

    /** New keys as a new version; a role or region given replaces the current one, none keeps it. */
    CloudCredentialRotated rotate(RotateCloudCredentialCommand command, CloudCredentialSecrets secrets,
                                  String teamName) {
        requireLive(command.name(), teamName);
        var rotated = settings.with(command.settings());
        var version = secrets.write(teamId, name, fields(type, command.keys(), rotated));
        var event = new CloudCredentialRotated(teamId, name, type, command.keys().accessKeyIdLast4(),
                rotated.roleArn(), rotated.region(), version);
        apply(event);
        return event;
    }

    /** Refused while a machine of the team names the credential; otherwise its keys are destroyed, then recorded. */
    void remove(RemoveCloudCredentialCommand command, CloudCredentialUsers users, CloudCredentialSecrets secrets,
                String teamName) {
        requireLive(command.name(), teamName);
        var machines = users.machinesUsing(teamId, name);
        if (!machines.isEmpty()) {
            throw new CloudCredentialInUseException(name.value(), teamName, machines);
        }
        // Destroyed before the event: a store that fails refuses the removal, so a credential never looks removed
        // while its keys remain. Should the append fail after this, the credential is listed without keys, and
        // removing it again (or rotating it) settles it.
        secrets.destroy(teamId, name);
        apply(new CloudCredentialRemoved(teamId, name, type, secretVersion));
    }

    private boolean live() {
        return id != null && !removed;
    }

    private void requireLive(CloudCredentialName asked, String teamName) {
        if (!live()) {
            throw notFound(asked, teamName);
        }
    }

    private static NotFoundException notFound(CloudCredentialName name, String teamName) {
        return new NotFoundException("credential-not-found", "Team '" + teamName + "' has no cloud credential named '"
                + name + "'. List the team's credentials (hm credentials) to see their names.");
    }

    /** What the secret store keeps, under the names drivers read ({@link CloudCredentialFields}). */
    private static Map<String, String> fields(CloudCredentialType type, AwsKeys keys, AwsSettings settings) {
        var fields = new LinkedHashMap<String, String>();
        fields.put(CloudCredentialFields.TYPE, type.wireName());
        fields.put(CloudCredentialFields.ACCESS_KEY_ID, keys.accessKeyId());
        fields.put(CloudCredentialFields.SECRET_ACCESS_KEY, keys.secretAccessKey());
        if (keys.sessionToken() != null) {
            fields.put(CloudCredentialFields.SESSION_TOKEN, keys.sessionToken());
        }
        if (settings.roleArn() != null) {
            fields.put(CloudCredentialFields.ROLE_ARN, settings.roleArn());
        }
        if (settings.region() != null) {
            fields.put(CloudCredentialFields.REGION, settings.region());
        }
        return fields;
    }

    @EventSourcingHandler
    void on(CloudCredentialAdded event) {
        id = id(event.teamId(), event.name());
        teamId = event.teamId();
        name = event.name();
        type = event.type();
        accessKeyIdLast4 = event.accessKeyIdLast4();
        settings = new AwsSettings(event.roleArn(), event.region());
        secretVersion = event.secretVersion();
        removed = false;
    }

    @EventSourcingHandler
    void on(CloudCredentialRotated event) {
        accessKeyIdLast4 = event.accessKeyIdLast4();
        settings = new AwsSettings(event.roleArn(), event.region());
        secretVersion = event.secretVersion();
    }

    @EventSourcingHandler
    void on(CloudCredentialRemoved event) {
        removed = true;
    }
}
