package io.harbormaster.command.machine;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;
import static io.harbormaster.command.refusal.InvalidCommandException.requirePresent;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.ImportedFrom;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineImported;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.lookup.AccessDirectory;
import io.harbormaster.command.lookup.ManagedMachines;
import io.harbormaster.command.lookup.NameClaims;
import io.harbormaster.command.lookup.TeamDirectory;
import io.harbormaster.command.lookup.UserDirectory;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotFoundException;
import io.harbormaster.workstation.dockermachine.DriverSettings;
import io.harbormaster.workstation.dockermachine.ImportPlan;
import io.harbormaster.workstation.dockermachine.UnreadableMachineException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports machines from docker-machine stores. Trusts nothing the workstation worked out: it makes its own plan from
 * docker-machine's settings ({@link ImportPlan}, records only {@link DriverSettings}' allow-list), checks the driver
 * options, the networks, the team and the caller's right to create there (like a creation), the TLS material and
 * SSH key, that no machine of the platform uses the daemon already, and the name. Only then, and never for a dry run,
 * does it claim the name, store the material (the CA and its key, the server certificate and key, a generic
 * machine's SSH key) in the secret store and append {@code MachineImported}, all in the command's transaction; a
 * rollback destroys the secrets again.
 */
@Component
class MachineImportHandler {

    private static final Logger log = LoggerFactory.getLogger(MachineImportHandler.class);

    private final Repository<Machine> machines;
    private final DriverRules drivers;
    private final NetworkRules networks;
    private final ImportedCertificates certificates;
    private final MachineKeys keys;
    private final NameClaims claims;
    private final ManagedMachines managed;
    private final TeamDirectory teams;
    private final UserDirectory users;
    private final AccessDirectory access;

    MachineImportHandler(Repository<Machine> machineRepository, DriverRules drivers, NetworkRules networks,
                         ImportedCertificates certificates, MachineKeys keys, NameClaims claims,
                         ManagedMachines managed, TeamDirectory teams, UserDirectory users, AccessDirectory access) {
        this.machines = machineRepository;
        this.drivers = drivers;
        this.networks = networks;
        this.certificates = certificates;
        this.keys = keys;
        this.claims = claims;
        this.managed = managed;
        this.teams = teams;
        this.users = users;
        this.access = access;
    }

    @CommandHandler
    MachineImportOutcome handle(ImportMachineCommand command, @MetaDataValue(ACTOR_ID) String actorId)
            throws Exception {
        var id = requirePresent(command.machineId(), "machineId");
        var teamId = requirePresent(command.teamId(), "team");
        var name = requirePresent(command.name(), "name");
        var holder = requirePresent(command.holder(), "holder");
        var tls = requirePresent(command.tls(), "tls");
        var settings = DriverSettings.filter(command.driverSettings());
        var plan = plan(command, settings);
        var driver = drivers.requireKnown(plan.driver());
        drivers.validate(driver, plan.driverOptions());
        networks.requireAllowed(plan.driverOptions());
        if (!teams.teamExists(teamId)) {
            throw NotFoundException.team(teamId);
        }
        MachineAccess.requireMayCreate(access, actorId, teamId);
        MachineAccess.requireHolderCandidate(teams, users, teamId, holder);
        certificates.check(tls, plan.dockerHost(), plan.needsServerCertificate());
        if (plan.needsSshKey()) {
            keys.check(requirePresent(command.sshKey(), "sshKey").text());
        } else if (command.sshKey() != null) {
            throw new InvalidCommandException("sshKey", "sshKey: an imported " + plan.originalDriver()
                    + " machine becomes a " + driver + " machine, which is not reached over SSH; leave sshKey out");
        }
        managed.atDockerUrl(plan.dockerUrl()).ifPresent(machine -> {
            throw alreadyManaged(plan.dockerUrl(), machine, teamId);
        });
        if (command.dryRun()) {
            if (managed.nameTaken(teamId, name)) {
                throw nameTaken(name, teamId);
            }
            return outcome(id, name, plan, true);
        }
        switch (claims.claimMachine(id, teamId, name, driver)) {
            case CLAIMED -> { }
            case NAME_TAKEN -> throw nameTaken(name, teamId);
            case ID_TAKEN -> throw new ConflictException("machine-exists",
                    "A machine with id " + id + " already exists. Send the import again with a new id.");
        }
        forgetOnRollback(id, plan.needsSshKey());
        var stored = certificates.store(id, tls);
        if (plan.needsSshKey()) {
            keys.importKey(id, command.sshKey().text());
        }
        var imported = new MachineImported(id, teamId, name, driver, plan.driverOptions(), holder,
                MachineState.Unknown, plan.engineOptions(), plan.dockerUrl(), stored,
                new ImportedFrom(command.workstation(), command.storePath(), plan.originalDriver(),
                        new DriverOptions(settings.kept())));
        machines.newInstance(() -> new Machine(imported));
        return outcome(id, name, plan, false);
    }

    /** The server's own plan from docker-machine's settings; what the workstation planned is not asked. */
    private static ImportPlan plan(ImportMachineCommand command, DriverSettings.Filtered settings) {
        try {
            return ImportPlan.of(requirePresent(command.dockerMachineDriver(), "driver"), settings.kept(),
                    command.engine());
        } catch (UnreadableMachineException e) {
            throw new MachineNotImportableException("driverSettings", e.getMessage());
        }
    }

    /** Names the machine only when it is in the team imported into, which the caller may see; else says less. */
    private MachineAlreadyManagedException alreadyManaged(String dockerUrl, ManagedMachines.ManagedMachine machine,
                                                          TeamId teamId) {
        if (machine.teamId().equals(teamId)) {
            return new MachineAlreadyManagedException("The Docker daemon at " + dockerUrl + " is already managed by "
                    + "this platform: it is machine '" + machine.name() + "' of team " + teamName(teamId)
                    + ". Nothing was imported.");
        }
        return new MachineAlreadyManagedException("The Docker daemon at " + dockerUrl + " is already managed by "
                + "this platform, as a machine of another team. Nothing was imported; a platform admin can tell "
                + "which.");
    }

    private MachineNameTakenException nameTaken(MachineName name, TeamId teamId) {
        return new MachineNameTakenException(name, "A machine named '" + name + "' already exists in team "
                + teamName(teamId) + ". Import this one under another name (hm import " + name + " --name NEW), or "
                + "remove the existing machine first.");
    }

    private String teamName(TeamId teamId) {
        return teams.teamName(teamId).orElse(teamId.value());
    }

    private static MachineImportOutcome outcome(MachineId id, MachineName name, ImportPlan plan, boolean dryRun) {
        return new MachineImportOutcome(id, name, plan.driver(), plan.dockerUrl(), plan.originalDriver(),
                plan.notes(), dryRun);
    }

    /** Secrets written for an import that then rolls back (the append failed) are destroyed again. */
    private void forgetOnRollback(MachineId id, boolean sshKey) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        CurrentUnitOfWork.get().onRollback(unitOfWork -> {
            try {
                certificates.destroy(id);
                if (sshKey) {
                    keys.destroy(id);
                }
            } catch (RuntimeException e) {
                log.warn("Could not remove the secrets of machine {} whose import failed: {}", id.value(),
                        e.getMessage());
            }
        });
    }
}
