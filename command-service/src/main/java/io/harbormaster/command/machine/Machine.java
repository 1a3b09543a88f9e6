package io.harbormaster.command.machine;

import io.harbormaster.api.machine.DockerEndpoint;
import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.harbormaster.api.machine.ClientCertIssued;
import io.harbormaster.api.machine.CreateMachineCommand;
import io.harbormaster.api.machine.EngineUpgradeRequested;
import io.harbormaster.api.machine.HandOffMachineCommand;
import io.harbormaster.api.machine.IpChanged;
import io.harbormaster.api.machine.KillMachineCommand;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineImported;
import io.harbormaster.api.machine.MachineKillRequested;
import io.harbormaster.api.machine.MachineProvisionRequested;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineRestartRequested;
import io.harbormaster.api.machine.MachineShared;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineStateObserved;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.MachineUnshared;
import io.harbormaster.command.machine.ObserveAddressCommand;
import io.harbormaster.command.machine.ObserveMachineStateCommand;
import io.harbormaster.api.machine.PinHostKeyCommand;
import io.harbormaster.api.machine.ProvisionMachineCommand;
import io.harbormaster.api.machine.RegenerateCertsCommand;
import io.harbormaster.api.machine.RemoveMachineCommand;
import io.harbormaster.command.machine.ResolveDockerEndpointCommand;
import io.harbormaster.api.machine.RestartMachineCommand;
import io.harbormaster.api.machine.ShareMachineCommand;
import io.harbormaster.api.machine.SshHostKeyPinned;
import io.harbormaster.api.machine.StartMachineCommand;
import io.harbormaster.api.machine.StopMachineCommand;
import io.harbormaster.api.machine.UnshareMachineCommand;
import io.harbormaster.api.machine.UpgradeEngineCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.lookup.AccessDirectory;
import io.harbormaster.command.lookup.TeamDirectory;
import io.harbormaster.command.lookup.UserDirectory;
import io.harbormaster.command.machine.MachineAccessRules.Right;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.UnsupportedByDriverException;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The machine aggregate's decisions on what users (and the reconciler) ask. Which command is accepted in which state
 * is the table in {@link MachineTransitions}; lookups and driver rules arrive as handler parameters resolved from
 * the Spring context, so the aggregate holds no services, and work that follows a decision (driver calls, new TLS
 * material) is requested by an event and carried out by the machine processes. What they report is recorded by
 * {@link ReportedMachine}. Over 250 lines because Axon needs an aggregate's handlers in its class hierarchy; reports,
 * guards and SSH certificates ({@link SshCertifyingMachine}) are split off already.
 */
@Aggregate(snapshotTriggerDefinition = MachineSnapshots.TRIGGER, snapshotFilter = MachineSnapshots.FILTER)
@Revision(MachineSnapshots.REVISION)
class Machine extends SshCertifyingMachine {

    Machine() {
        // for Axon, which rebuilds the machine from its events
    }

    /** Registers a new machine; {@link MachineCreationHandler} has checked the team and claimed the name. */
    Machine(CreateMachineCommand command) {
        apply(new MachineCreated(command.machineId(), command.teamId(), command.name(), command.driver(),
                command.driverOptions(), command.holder(), command.engineOptions()));
    }

    /** Registers a machine brought in from docker-machine; {@link MachineImportHandler} checked and stored it all. */
    Machine(MachineImported imported) {
        apply(imported);
    }

    @CommandHandler
    void handle(StartMachineCommand command, DriverRules drivers, @MetaDataValue(ACTOR_ID) String actorId,
                AccessDirectory access) {
        require(Right.OPERATE, MachineAction.START, actorId, access);
        if (accepts(MachineAction.START, drivers)) {
            apply(new MachineStartRequested(machineId));
        }
    }

    @CommandHandler
    void handle(StopMachineCommand command, DriverRules drivers, @MetaDataValue(ACTOR_ID) String actorId,
                AccessDirectory access) {
        require(Right.OPERATE, MachineAction.STOP, actorId, access);
        if (accepts(MachineAction.STOP, drivers)) {
            apply(new MachineStopRequested(machineId));
        }
    }

    @CommandHandler
    void handle(RestartMachineCommand command, DriverRules drivers, @MetaDataValue(ACTOR_ID) String actorId,
                AccessDirectory access) {
        require(Right.OPERATE, MachineAction.RESTART, actorId, access);
        if (accepts(MachineAction.RESTART, drivers)) {
            apply(new MachineRestartRequested(machineId));
        }
    }

    @CommandHandler
    void handle(KillMachineCommand command, DriverRules drivers, @MetaDataValue(ACTOR_ID) String actorId,
                AccessDirectory access) {
        require(Right.OPERATE, MachineAction.KILL, actorId, access);
        if (accepts(MachineAction.KILL, drivers)) {
            apply(new MachineKillRequested(machineId));
        }
    }

    @CommandHandler
    void handle(RemoveMachineCommand command, @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        require(Right.MANAGE, MachineAction.REMOVE, actorId, access);
        if (accepts(command.force() ? MachineAction.FORCE_REMOVE : MachineAction.REMOVE)) {
            apply(new MachineRemovalRequested(machineId, command.force()));
        }
    }

    /**
     * With {@code revokePreviousHolder} (and certificates to revoke) the hand-off waits for a new CA: TLS to dockerd
     * has no revocation, so a new CA is the only way the previous holder's client certificates stop working. The
     * machine is handed off when the new CA is stored, and not at all when it cannot be. Answers whether it waits.
     */
    @CommandHandler
    boolean handle(HandOffMachineCommand command, TeamDirectory teams, UserDirectory users, DriverRules drivers,
                   @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        require(Right.MANAGE, MachineAction.HAND_OFF, actorId, access);
        var newHolder = InvalidCommandException.requirePresent(command.newHolder(), "newHolder");
        if (!accepts(MachineAction.HAND_OFF) || newHolder.equals(holder)) {
            return false;
        }
        MachineAccess.requireHolderCandidate(teams, users, teamId, newHolder);
        if (command.revokePreviousHolder() && certificates != null) {
            MachineCertificateRules.requireInstallable(this, drivers, "Hand it off keeping the previous holder's "
                    + "access (revokePreviousHolder: false; hm handoff --keep-access).");
            requireNoRenewal();
            apply(renewalRequest("handed-off", true, null, newHolder));
            return true;
        }
        apply(new MachineHandedOff(machineId, holder, newHolder, command.revokePreviousHolder()));
        return false;
    }

    /** Provisions the host again; only drivers that provision can. The creation process carries it out. */
    @CommandHandler
    void handle(ProvisionMachineCommand command, DriverRules drivers, @MetaDataValue(ACTOR_ID) String actorId,
                AccessDirectory access) {
        require(Right.OPERATE, MachineAction.PROVISION, actorId, access);
        if (accepts(MachineAction.PROVISION)) {
            if (state != MachineState.Removed && !drivers.provisions(driver)) {
                throw new UnsupportedByDriverException("The " + driver + " driver does not provision its hosts: "
                        + "Harbormaster installs nothing on them.");
            }
            apply(new MachineProvisionRequested(machineId));
        }
    }

    /** Upgrades Docker Engine over SSH; only drivers that provision can. The state does not change meanwhile. */
    @CommandHandler
    void handle(UpgradeEngineCommand command, DriverRules drivers, @MetaDataValue(ACTOR_ID) String actorId,
                AccessDirectory access) {
        require(Right.OPERATE, MachineAction.UPGRADE, actorId, access);
        accepts(MachineAction.UPGRADE);
        if (!drivers.provisions(driver)) {
            throw new UnsupportedByDriverException("The " + driver + " driver does not provision its hosts: "
                    + "Harbormaster does not install Docker Engine there, so it cannot upgrade it.");
        }
        if (certificates == null) {
            throw new MachineConflictException("Machine '" + name + "' has no certificates to verify the upgraded "
                    + "daemon with. Provision it first.");
        }
        apply(new EngineUpgradeRequested(machineId, certificates));
    }

    /** A new server certificate; with CA rotation (which needs the MANAGE right) a new CA too. */
    @CommandHandler
    void handle(RegenerateCertsCommand command, DriverRules drivers, @MetaDataValue(ACTOR_ID) String actorId,
                AccessDirectory access) {
        require(command.rotateCa() ? Right.MANAGE : Right.OPERATE, MachineAction.REGENERATE_CERTS, actorId, access);
        var algorithm = MachineCertificateRules.algorithm(command.keyAlgorithm(), command.rotateCa());
        accepts(MachineAction.REGENERATE_CERTS);
        MachineCertificateRules.requireInstallable(this, drivers, "To give it a CA of its own, configure its "
                + "daemon with new material yourself and import it again, or manage its host as a generic machine.");
        MachineCertificateRules.requireAddress(name, dockerUrl);
        requireNoRenewal();
        apply(renewalRequest("requested", command.rotateCa(), algorithm, null));
    }

    /** Whether the acting user may have a client certificate, and from which material; appends nothing. */
    @CommandHandler
    ClientCertGrant handle(AuthorizeClientCertCommand command, @MetaDataValue(ACTOR_ID) String actorId,
                           AccessDirectory access, TeamDirectory teams) {
        require(Right.USE, MachineAction.USE, actorId, access);
        accepts(MachineAction.USE);
        actingUser(actorId);
        MachineCertificateRules.requireCertificates(this);
        return new ClientCertGrant(endpoint(), certificates, teams.teamName(teamId).orElse(teamId.value()));
    }

    /** Records a client certificate made for the acting user; refused when the CA changed while it was made. */
    @CommandHandler
    void handle(RecordClientCertCommand command, @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        require(Right.USE, MachineAction.USE, actorId, access);
        accepts(MachineAction.USE);
        var user = actingUser(actorId);
        MachineCertificateRules.requireCertificates(this);
        if (certificates.secretVersion() != command.secretVersion()) {
            throw new MachineConflictException("The certificates of machine '" + name + "' changed while yours was "
                    + "being made, so it would not verify. Ask again.");
        }
        apply(new ClientCertIssued(machineId, user, command.serial(), command.notAfter()));
    }

    /** Where the daemon listens, for a user allowed to use the machine; appends nothing. */
    @CommandHandler
    DockerEndpoint handle(ResolveDockerEndpointCommand command, @MetaDataValue(ACTOR_ID) String actorId,
                          AccessDirectory access) {
        require(Right.USE, MachineAction.USE, actorId, access);
        accepts(MachineAction.USE);
        return endpoint();
    }

    @CommandHandler
    void handle(ShareMachineCommand command, TeamDirectory teams, UserDirectory users,
                @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        require(Right.MANAGE, MachineAction.SHARE, actorId, access);
        var grantee = InvalidCommandException.requirePresent(command.grantee(), "grantee");
        var role = InvalidCommandException.requirePresent(command.role(), "role");
        if (accepts(MachineAction.SHARE) && role != shares.get(grantee)) {
            MachineAccess.requireShareable(teams, users, teamId, grantee);
            apply(new MachineShared(machineId, grantee, role));
        }
    }

    @CommandHandler
    void handle(UnshareMachineCommand command, @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        require(Right.MANAGE, MachineAction.UNSHARE, actorId, access);
        var grantee = InvalidCommandException.requirePresent(command.grantee(), "grantee");
        if (accepts(MachineAction.UNSHARE)) {
            MachineAccess.requireShared(shares, name, grantee);
            apply(new MachineUnshared(machineId, grantee));
        }
    }

    /**
     * Records a change of state or of what does not answer; a machine a user stopped on a driver whose stop leaves the
     * host running stays Stopped (its host answering does not put it back in service). Also asks again for
     * certificates for the current address when the last try failed (see the address below).
     */
    @CommandHandler
    void handle(ObserveMachineStateCommand command, DriverRules drivers, @MetaDataValue(ACTOR_ID) String actorId,
                AccessDirectory access) {
        require(Right.OPERATE, MachineAction.OBSERVE, actorId, access);
        var observed = MachineAccess.requireObservable(command.observed());
        var problem = MachineAccess.observedProblem(observed, command.problem());
        var respected = state == MachineState.Stopped && drivers.stopLeavesHostRunning(driver);
        if (!respected && accepts(MachineAction.OBSERVE)
                && (observed != state || !Objects.equals(problem, observedProblem))) {
            apply(new MachineStateObserved(machineId, state, observed, problem, problem == null ? null
                    : command.since()));
        }
        if (addressRenewalFailed && renewal == null && state != MachineState.Removing) {
            apply(renewalRequest("ip-changed", false, null, null));
        }
    }

    /**
     * A new address asks for a server certificate that names it (same CA, so client certificates keep working); the
     * certificate process makes it and the install process puts it on the host. Without certificates yet, only the
     * address is recorded; while another renewal runs, this one follows it.
     */
    @CommandHandler
    void handle(ObserveAddressCommand command) {
        var address = InvalidCommandException.requirePresent(command.address(), "address");
        if (dockerUrl == null || state == MachineState.Removing || state == MachineState.Removed) {
            return;
        }
        var previous = DockerUrlHost.of(dockerUrl);
        if (address.equals(previous)) {
            return;
        }
        apply(new IpChanged(machineId, previous, address));
        if (certificates != null && renewal == null) {
            apply(renewalRequest("ip-changed", false, null, null));
        }
    }

    /**
     * Replaces the pinned host key with one a user checked on the host, which the next session then requires. As
     * trusting a key decides who Harbormaster talks to, it takes the right to manage the machine.
     */
    @CommandHandler
    void handle(PinHostKeyCommand command, DriverRules drivers, @MetaDataValue(ACTOR_ID) String actorId,
                AccessDirectory access) {
        require(Right.MANAGE, MachineAction.PIN_HOST_KEY, actorId, access);
        if (!drivers.provisions(driver)) {
            throw new UnsupportedByDriverException("The " + driver + " driver does not reach its host over SSH: "
                    + "there is no host key to pin.");
        }
        var key = HostKeyPin.of(command.keyType(), command.fingerprint());
        if (accepts(MachineAction.PIN_HOST_KEY) && !key.fingerprint().equals(hostKeyFingerprint)) {
            apply(new SshHostKeyPinned(machineId, dockerUrl == null ? "" : DockerUrlHost.of(dockerUrl), key.type(),
                    key.fingerprint()));
        }
    }
}
