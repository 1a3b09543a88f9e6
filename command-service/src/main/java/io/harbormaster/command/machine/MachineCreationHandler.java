package io.harbormaster.command.machine;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;
import static io.harbormaster.command.refusal.InvalidCommandException.requirePresent;

import io.harbormaster.api.machine.CreateMachineCommand;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.driver.DriverOptionsRefusedException;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.lookup.AccessDirectory;
import io.harbormaster.command.lookup.Actors;
import io.harbormaster.command.lookup.NameClaims;
import io.harbormaster.command.lookup.TeamDirectory;
import io.harbormaster.command.lookup.UserDirectory;
import io.harbormaster.command.machine.MachineAccessRules.Right;
import io.harbormaster.command.machine.MachineAccessRules.Standing;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.NotFoundException;
import io.harbormaster.driver.InvalidDriverOptionsException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Creates machines. The checks that need more than one machine (the team exists, the holder belongs to it, the name
 * is free in it) happen here, before the aggregate exists; the name claim is written in the same transaction as
 * the {@code MachineCreated} event, so a refused or failed creation leaves the name free.
 */
@Component
class MachineCreationHandler {

    private final Repository<Machine> machines;
    private final DriverRegistry drivers;
    private final NameClaims claims;
    private final TeamDirectory teams;
    private final UserDirectory users;
    private final AccessDirectory access;

    MachineCreationHandler(Repository<Machine> machineRepository, DriverRegistry drivers, NameClaims claims,
                           TeamDirectory teams, UserDirectory users, AccessDirectory access) {
        this.access = access;
        this.machines = machineRepository;
        this.drivers = drivers;
        this.claims = claims;
        this.teams = teams;
        this.users = users;
    }

    @CommandHandler
    MachineId handle(CreateMachineCommand command, @MetaDataValue(ACTOR_ID) String actorId) throws Exception {
        var id = requirePresent(command.machineId(), "machineId");
        var teamId = requirePresent(command.teamId(), "team");
        var name = requirePresent(command.name(), "name");
        var holder = requirePresent(command.holder(), "holder");
        var options = command.driverOptions() == null ? DriverOptions.none() : command.driverOptions();
        var driver = drivers.get(requirePresent(command.driver(), "driver"));
        try {
            driver.validate(options);
        } catch (InvalidDriverOptionsException invalid) {
            throw new DriverOptionsRefusedException(invalid);
        }
        if (!teams.teamExists(teamId)) {
            throw NotFoundException.team(teamId);
        }
        requireMayCreate(actorId, teamId);
        MachineAccess.requireHolderCandidate(teams, users, teamId, holder);
        switch (claims.claimMachine(id, teamId, name, driver.name(), options)) {
            case CLAIMED -> { }
            case NAME_TAKEN -> throw new MachineNameTakenException(name);
            case ID_TAKEN -> throw new ConflictException("machine-exists",
                    "A machine with id " + id + " already exists. Send the command again with a new id.");
        }
        var accepted = new CreateMachineCommand(id, teamId, name, driver.name(), options, holder);
        machines.newInstance(() -> new Machine(accepted));
        return id;
    }

    /** A team the actor cannot see answers like an unknown team; a viewer is told which role is needed. */
    private void requireMayCreate(String actorId, TeamId teamId) {
        var user = Actors.user(actorId);
        if (user.isEmpty()) {
            return;
        }
        var admin = access.isPlatformAdmin(user.get());
        var role = admin ? null : access.roleOf(teamId, user.get()).orElse(null);
        switch (MachineAccessRules.decide(Right.CREATE, new Standing(admin, role, false, null))) {
            case ALLOW -> { }
            case NOT_FOUND -> throw NotFoundException.team(teamId);
            case FORBIDDEN -> throw new ForbiddenException("You are a " + role + " in team " + teamId
                    + ": creating machines there needs " + Right.CREATE.needs() + ".");
        }
    }
}
