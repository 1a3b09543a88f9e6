package io.harbormaster.command.machine;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;
import static io.harbormaster.command.refusal.InvalidCommandException.requirePresent;

import io.harbormaster.api.machine.CreateMachineCommand;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.SshPrivateKey;
import io.harbormaster.command.lookup.AccessDirectory;
import io.harbormaster.command.lookup.NameClaims;
import io.harbormaster.command.lookup.TeamDirectory;
import io.harbormaster.command.lookup.UserDirectory;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates machines. The checks that need more than one machine (the team exists, the holder belongs to it, the name
 * is free in it, the platform may connect to its address) happen here, before the aggregate exists; the name claim is written in the same transaction as
 * the {@code MachineCreated} event, so a refused or failed creation leaves the name free. It is the one create path
 * (REST, portal, CLI): a machine whose driver reaches its host over SSH gets its key here, the user's or a new one,
 * into the secret store before the machine exists (so its process finds it), and out again if the creation fails.
 */
@Component
class MachineCreationHandler {

    private static final Logger log = LoggerFactory.getLogger(MachineCreationHandler.class);

    private final Repository<Machine> machines;
    private final DriverRules drivers;
    private final MachineKeys keys;
    private final NameClaims claims;
    private final TeamDirectory teams;
    private final UserDirectory users;
    private final AccessDirectory access;
    private final NetworkRules networks;
    private final NamedCredentials credentials;

    MachineCreationHandler(Repository<Machine> machineRepository, DriverRules drivers, MachineKeys keys,
                           NameClaims claims, TeamDirectory teams, UserDirectory users, AccessDirectory access,
                           NetworkRules networks, NamedCredentials credentials) {
        this.networks = networks;
        this.credentials = credentials;
        this.keys = keys;
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
        var driver = drivers.requireKnown(requirePresent(command.driver(), "driver"));
        drivers.validate(driver, options);
        networks.requireAllowed(options);
        var sshKey = command.sshKey();
        if (sshKey != null && !drivers.provisions(driver)) {
            throw new InvalidCommandException("sshKey", "The " + driver + " driver does not use SSH; leave sshKey out.");
        }
        var engineOptions = command.engineOptions() == null ? EngineOptions.none() : command.engineOptions();
        if (!engineOptions.isEmpty() && !drivers.provisions(driver)) {
            throw new InvalidCommandException("engineOptions", "The " + driver + " driver does not install or "
                    + "configure Docker Engine, so engine options cannot apply; leave engineOptions out.");
        }
        if (!teams.teamExists(teamId)) {
            throw NotFoundException.team(teamId);
        }
        MachineAccess.requireMayCreate(access, actorId, teamId);
        MachineAccess.requireHolderCandidate(teams, users, teamId, holder);
        credentials.requireExisting(teamId, options);
        switch (claims.claimMachine(id, teamId, name, driver)) {
            case CLAIMED -> { }
            case NAME_TAKEN -> throw new MachineNameTakenException(name);
            case ID_TAKEN -> throw new ConflictException("machine-exists",
                    "A machine with id " + id + " already exists. Send the command again with a new id.");
        }
        if (drivers.provisions(driver)) {
            storeKey(id, sshKey);
        }
        var accepted = new CreateMachineCommand(id, teamId, name, driver, options, holder, null, engineOptions);
        machines.newInstance(() -> new Machine(accepted));
        return id;
    }

    /** The key goes to the secret store, never into an event; a creation that rolls back takes it out again. */
    private void storeKey(MachineId id, SshPrivateKey given) {
        if (given != null) {
            keys.importKey(id, given.text());
        } else {
            keys.generate(id);
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onRollback(unitOfWork -> forgetKey(id));
        }
    }

    private void forgetKey(MachineId id) {
        try {
            keys.destroy(id);
        } catch (RuntimeException e) {
            log.warn("Could not remove the SSH key of machine {} whose creation failed: {}", id.value(),
                    e.getMessage());
        }
    }
}
