package io.harbormaster.command.credential;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;
import static io.harbormaster.command.refusal.InvalidCommandException.requirePresent;

import io.harbormaster.api.credential.AddCloudCredentialCommand;
import io.harbormaster.api.credential.CloudCredentialAdded;
import io.harbormaster.api.credential.CloudCredentialRotated;
import io.harbormaster.api.credential.RemoveCloudCredentialCommand;
import io.harbormaster.api.credential.RotateCloudCredentialCommand;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.command.lookup.AccessDirectory;
import io.harbormaster.command.lookup.Actors;
import io.harbormaster.command.lookup.CloudCredentialUsers;
import io.harbormaster.command.lookup.TeamDirectory;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.NotVisibleException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Handles the credential commands. Who may is checked first, from the write-side lookups: team owners and platform
 * admins manage credentials; anyone else in the team is told the role needed (403); someone outside the team, or a
 * team that does not exist, gets the answer of an unknown team (404), before any credential is looked at, so no
 * answer tells whether another team has a credential of some name. Then the {@link CloudCredential} decides.
 */
@Component
class CloudCredentialHandler {

    private final Repository<CloudCredential> credentials;
    private final TeamDirectory teams;
    private final AccessDirectory access;
    private final CloudCredentialUsers users;
    private final CloudCredentialSecrets secrets;

    CloudCredentialHandler(Repository<CloudCredential> cloudCredentialRepository, TeamDirectory teams,
                           AccessDirectory access, CloudCredentialUsers users, CloudCredentialSecrets secrets) {
        this.credentials = cloudCredentialRepository;
        this.teams = teams;
        this.access = access;
        this.users = users;
        this.secrets = secrets;
    }

    @CommandHandler
    CloudCredentialAdded handle(AddCloudCredentialCommand command, @MetaDataValue(ACTOR_ID) String actorId)
            throws Exception {
        var team = requirePresent(command.teamId(), "teamId");
        var name = requirePresent(command.name(), "name");
        requirePresent(command.type(), "type");
        requirePresent(command.keys(), "keys");
        var teamName = requireOwner(team, actorId, "add cloud credentials");
        var credential = find(CloudCredential.id(team, name));
        credential.execute(c -> c.add(command, secrets, teamName));
        return credential.invoke(CloudCredential::added);
    }

    @CommandHandler
    CloudCredentialRotated handle(RotateCloudCredentialCommand command, @MetaDataValue(ACTOR_ID) String actorId)
            throws Exception {
        var team = requirePresent(command.teamId(), "teamId");
        var name = requirePresent(command.name(), "name");
        requirePresent(command.keys(), "keys");
        var teamName = requireOwner(team, actorId, "rotate cloud credentials");
        return find(CloudCredential.id(team, name)).invoke(c -> c.rotate(command, secrets, teamName));
    }

    @CommandHandler
    void handle(RemoveCloudCredentialCommand command, @MetaDataValue(ACTOR_ID) String actorId) throws Exception {
        var team = requirePresent(command.teamId(), "teamId");
        var name = requirePresent(command.name(), "name");
        var teamName = requireOwner(team, actorId, "remove cloud credentials");
        find(CloudCredential.id(team, name)).execute(c -> c.remove(command, users, secrets, teamName));
    }

    /**
     * The credential of that id, or a blank one that never existed (it records nothing unless it is added). Loading
     * one that does not exist would make Axon log a warning for every first addition.
     */
    private Aggregate<CloudCredential> find(String id) throws Exception {
        return credentials.loadOrCreate(id, CloudCredential::new);
    }

    /** The team's name, once the actor is known to be its owner, a platform admin or the platform itself. */
    private String requireOwner(TeamId team, String actorId, String what) {
        if (!teams.teamExists(team)) {
            throw NotVisibleException.team(team);
        }
        var teamName = teams.teamName(team).orElse(team.value());
        var user = Actors.user(actorId);
        if (user.isEmpty() || access.isPlatformAdmin(user.get())) {
            return teamName;
        }
        var role = access.roleOf(team, user.get())
                .orElseThrow(() -> NotVisibleException.team(team));
        if (role != TeamRole.OWNER) {
            throw new ForbiddenException("You are a " + role + " in team '" + teamName + "': to " + what
                    + " you need the OWNER role.");
        }
        return teamName;
    }
}
