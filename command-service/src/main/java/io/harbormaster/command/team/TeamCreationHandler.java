package io.harbormaster.command.team;

import static io.harbormaster.command.refusal.InvalidCommandException.requirePresent;

import io.harbormaster.api.team.CreateTeamCommand;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.lookup.NameClaims;
import io.harbormaster.command.lookup.UserDirectory;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Creates teams. The owner must be a registered user and the name must be free on the platform (ignoring case);
 * the claim is written in the transaction that appends {@code TeamCreated}.
 */
@Component
class TeamCreationHandler {

    private final Repository<Team> teams;
    private final NameClaims claims;
    private final UserDirectory users;

    TeamCreationHandler(Repository<Team> teamRepository, NameClaims claims, UserDirectory users) {
        this.teams = teamRepository;
        this.claims = claims;
        this.users = users;
    }

    @CommandHandler
    TeamId handle(CreateTeamCommand command) throws Exception {
        var id = requirePresent(command.teamId(), "teamId");
        var name = requirePresent(command.name(), "name");
        var owner = requirePresent(command.owner(), "owner");
        if (!users.userExists(owner)) {
            throw NotFoundException.user(owner);
        }
        switch (claims.claimTeam(id, name)) {
            case CLAIMED -> { }
            case NAME_TAKEN -> throw new ConflictException("team-name-taken",
                    "A team named '" + name + "' already exists. Choose another name.");
            case ID_TAKEN -> throw new ConflictException("team-exists",
                    "A team with id " + id + " already exists. Send the command again with a new id.");
        }
        teams.newInstance(() -> new Team(command));
        return id;
    }
}
