package io.harbormaster.command.machine;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;
import static io.harbormaster.api.audit.AuditMetadata.ACTOR_NAME;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.harbormaster.api.machine.CertsInstallFailed;
import io.harbormaster.api.machine.CertsInstalled;
import io.harbormaster.api.machine.ClientCertIssued;
import io.harbormaster.api.machine.DockerEndpoint;
import io.harbormaster.api.machine.IpChanged;
import io.harbormaster.api.machine.MachineProvisionRequested;
import io.harbormaster.api.machine.EngineUpgradeFailed;
import io.harbormaster.api.machine.EngineUpgradeRequested;
import io.harbormaster.api.machine.EngineUpgraded;
import io.harbormaster.api.machine.ObserveAddressCommand;
import io.harbormaster.api.machine.ReportEngineUpgradeCommand;
import io.harbormaster.api.machine.UpgradeEngineCommand;
import io.harbormaster.api.machine.ProvisionMachineCommand;
import io.harbormaster.api.machine.ReportCertsInstalledCommand;
import io.harbormaster.api.machine.CompleteCreationCommand;
import io.harbormaster.api.machine.ProvisioningStarted;
import io.harbormaster.api.machine.ProvisioningStepCompleted;
import io.harbormaster.api.machine.PinHostKeyCommand;
import io.harbormaster.api.machine.RecordHostKeyCommand;
import io.harbormaster.api.machine.ReportProvisioningCommand;
import io.harbormaster.api.machine.SshHostKeyPinned;
import io.harbormaster.api.machine.IssueClientCertCommand;
import io.harbormaster.api.machine.IssuedClientCertificate;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.RegenerateCertsCommand;
import io.harbormaster.api.machine.ResolveDockerEndpointCommand;
import io.harbormaster.api.machine.CompleteLifecycleOperationCommand;
import io.harbormaster.api.machine.CompleteRemovalCommand;
import io.harbormaster.api.machine.CreateMachineCommand;
import io.harbormaster.api.machine.FailCreationCommand;
import io.harbormaster.api.machine.FailLifecycleOperationCommand;
import io.harbormaster.api.machine.FailRemovalCommand;
import io.harbormaster.api.machine.HandOffMachineCommand;
import io.harbormaster.api.machine.KillMachineCommand;
import io.harbormaster.api.machine.LifecycleOperationFailed;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineKillRequested;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.api.machine.MachineRestartRequested;
import io.harbormaster.api.machine.MachineShared;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineStateObserved;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.MachineUnshared;
import io.harbormaster.api.machine.ObserveMachineStateCommand;
import io.harbormaster.api.machine.ProvisioningFailed;
import io.harbormaster.api.machine.RemovalFailed;
import io.harbormaster.api.machine.RemoveMachineCommand;
import io.harbormaster.api.machine.RestartMachineCommand;
import io.harbormaster.api.machine.ShareMachineCommand;
import io.harbormaster.api.machine.StartMachineCommand;
import io.harbormaster.api.machine.StopMachineCommand;
import io.harbormaster.api.machine.UnshareMachineCommand;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.lookup.AccessDirectory;
import io.harbormaster.command.lookup.Actors;
import io.harbormaster.command.machine.MachineAccessRules.Right;
import io.harbormaster.command.machine.MachineAccessRules.Standing;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.NotVisibleException;
import io.harbormaster.command.lookup.TeamDirectory;
import io.harbormaster.command.lookup.UserDirectory;
import io.harbormaster.command.machine.MachineTransitions.Decision;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.UnsupportedByDriverException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The machine aggregate's decisions. Which command is accepted in which state is the table in
 * {@link MachineTransitions}; lookups and driver capabilities arrive as handler parameters resolved from the Spring
 * context, so the aggregate holds no services. Reports from the machine processes that come too late (the
 * operation they report on is no longer in progress) are ignored rather than refused.
 */
@Aggregate
class Machine extends RecordedMachine {

    Machine() {
        // for Axon, which rebuilds the machine from its events
    }

    /** Registers a new machine; {@link MachineCreationHandler} has checked the team and claimed the name. */
    Machine(CreateMachineCommand command) {
        apply(new MachineCreated(command.machineId(), command.teamId(), command.name(), command.driver(),
                command.driverOptions(), command.holder()));
    }

    @CommandHandler
    void handle(StartMachineCommand command, DriverRegistry drivers,
                @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        require(Right.OPERATE, MachineAction.START, actorId, access);
        if (accepts(MachineAction.START, drivers)) {
            apply(new MachineStartRequested(machineId));
        }
    }

    @CommandHandler
    void handle(StopMachineCommand command, DriverRegistry drivers,
                @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        require(Right.OPERATE, MachineAction.STOP, actorId, access);
        if (accepts(MachineAction.STOP, drivers)) {
            apply(new MachineStopRequested(machineId));
        }
    }

    @CommandHandler
    void handle(RestartMachineCommand command, DriverRegistry drivers,
                @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        require(Right.OPERATE, MachineAction.RESTART, actorId, access);
        if (accepts(MachineAction.RESTART, drivers)) {
            apply(new MachineRestartRequested(machineId));
        }
    }

    @CommandHandler
    void handle(KillMachineCommand command, DriverRegistry drivers,
                @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
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
     * With {@code revokePreviousHolder} the machine's CA is rotated in the same step (when it has certificates):
     * TLS to dockerd has no revocation, so a new CA is the only way the previous holder's client certificates stop
     * working. If the new material cannot be stored, the hand-off is refused as a whole.
     */
    @CommandHandler
    void handle(HandOffMachineCommand command, TeamDirectory teams, UserDirectory users,
                @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access, MachineTls tls) {
        require(Right.MANAGE, MachineAction.HAND_OFF, actorId, access);
        var newHolder = InvalidCommandException.requirePresent(command.newHolder(), "newHolder");
        if (accepts(MachineAction.HAND_OFF) && !newHolder.equals(holder)) {
            MachineAccess.requireHolderCandidate(teams, users, teamId, newHolder);
            var rotated = command.revokePreviousHolder() && certificates != null
                    ? MachineCertificateSteps.regenerate(tls, this, true, null) : null;
            apply(new MachineHandedOff(machineId, holder, newHolder, command.revokePreviousHolder()));
            if (rotated != null) {
                apply(rotated.regenerated(machineId, "handed-off"));
            }
        }
    }

    /** Provisions the host again; only drivers that provision can. The creation process carries it out. */
    @CommandHandler
    void handle(ProvisionMachineCommand command, DriverRegistry drivers, @MetaDataValue(ACTOR_ID) String actorId,
                AccessDirectory access) {
        require(Right.OPERATE, MachineAction.PROVISION, actorId, access);
        if (accepts(MachineAction.PROVISION)) {
            if (state != MachineState.Removed && !drivers.get(driver).provisions()) {
                throw new UnsupportedByDriverException("The " + driver + " driver does not provision its hosts: "
                        + "Harbormaster installs nothing on them.");
            }
            apply(new MachineProvisionRequested(machineId));
        }
    }

    /** Upgrades Docker Engine over SSH; only drivers that provision can. The state does not change meanwhile. */
    @CommandHandler
    void handle(UpgradeEngineCommand command, DriverRegistry drivers, @MetaDataValue(ACTOR_ID) String actorId,
                AccessDirectory access) {
        require(Right.OPERATE, MachineAction.UPGRADE, actorId, access);
        accepts(MachineAction.UPGRADE);
        if (!drivers.get(driver).provisions()) {
            throw new UnsupportedByDriverException("The " + driver + " driver does not provision its hosts: "
                    + "Harbormaster does not install Docker Engine there, so it cannot upgrade it.");
        }
        if (certificates == null) {
            throw new MachineConflictException("Machine '" + name + "' has no certificates to verify the upgraded "
                    + "daemon with. Provision it first.");
        }
        apply(new EngineUpgradeRequested(machineId, certificates));
    }

    @CommandHandler
    void handle(ReportEngineUpgradeCommand command) {
        if (acceptsReport()) {
            apply(command.failureReason() == null
                    ? new EngineUpgraded(machineId, command.previousVersion(), command.newVersion())
                    : new EngineUpgradeFailed(machineId, command.previousVersion(), command.failureReason()));
        }
    }

    /** A new server certificate; with CA rotation (which needs the MANAGE right) a new CA too. */
    @CommandHandler
    MachineCertificates handle(RegenerateCertsCommand command, @MetaDataValue(ACTOR_ID) String actorId,
                               AccessDirectory access, MachineTls tls) {
        require(command.rotateCa() ? Right.MANAGE : Right.OPERATE, MachineAction.REGENERATE_CERTS, actorId, access);
        var algorithm = MachineCertificateSteps.algorithm(command.keyAlgorithm(), command.rotateCa());
        accepts(MachineAction.REGENERATE_CERTS);
        var made = MachineCertificateSteps.regenerate(tls, this, command.rotateCa() || certificates == null,
                algorithm);
        apply(made.regenerated(machineId, "requested"));
        return made;
    }

    /** Issues the acting user a client certificate; viewers are refused like for any other use of the machine. */
    @CommandHandler
    IssuedClientCertificate handle(IssueClientCertCommand command, @MetaDataValue(ACTOR_ID) String actorId,
                                   @MetaDataValue(ACTOR_NAME) String actorName, AccessDirectory access,
                                   TeamDirectory teams, MachineTls tls) {
        require(Right.USE, MachineAction.USE, actorId, access);
        accepts(MachineAction.USE);
        var user = Actors.user(actorId).orElseThrow(() -> new InvalidCommandException("actor",
                "Client certificates are issued to users; the platform cannot hold one."));
        var material = MachineCertificateSteps.issueClient(tls, this, actorName,
                teams.teamName(teamId).orElse(teamId.value()));
        apply(new ClientCertIssued(machineId, user, material.serial(), material.notAfter()));
        return new IssuedClientCertificate(endpoint(), material);
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

    @CommandHandler
    void handle(ObserveMachineStateCommand command, @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        require(Right.OPERATE, MachineAction.OBSERVE, actorId, access);
        var observed = MachineAccess.requireObservable(command.observed());
        if (accepts(MachineAction.OBSERVE) && observed != state) {
            apply(new MachineStateObserved(machineId, state, observed));
        }
    }

    @CommandHandler
    void handle(CompleteCreationCommand command) {
        var dockerUrl = InvalidCommandException.requirePresent(command.dockerUrl(), "dockerUrl");
        if (acceptsReport() && MachineTransitions.expectsCreationReport(state)) {
            apply(new MachineProvisioned(machineId, dockerUrl));
            if (command.certificates() != null) {
                apply(command.certificates().regenerated(machineId, "created"));
            }
        }
    }

    @CommandHandler
    void handle(FailCreationCommand command) {
        if (acceptsReport() && MachineTransitions.expectsCreationReport(state)) {
            apply(new ProvisioningFailed(machineId, command.step() == null ? FailCreationCommand.CREATE_STEP
                    : command.step(), command.reason()));
        }
    }

    /** Progress reports only count while the machine is being created; late ones are ignored. */
    @CommandHandler
    void handle(ReportProvisioningCommand command) {
        if (acceptsReport() && MachineTransitions.expectsCreationReport(state)) {
            if (command.step() == null) {
                apply(new ProvisioningStarted(machineId, command.os()));
            } else {
                apply(new ProvisioningStepCompleted(machineId, command.step(), command.stepNumber(),
                        command.totalSteps()));
            }
        }
    }

    /**
     * A new address regenerates the server certificate for it in the same step (same CA, so client certificates keep
     * working); the certificate process then installs it on the host. Without certificates yet, only the address is
     * recorded.
     */
    @CommandHandler
    void handle(ObserveAddressCommand command, MachineTls tls) {
        var address = InvalidCommandException.requirePresent(command.address(), "address");
        if (dockerUrl == null || state == MachineState.Removing || state == MachineState.Removed) {
            return;
        }
        var previous = DockerUrlHost.of(dockerUrl);
        if (address.equals(previous)) {
            return;
        }
        var renewed = certificates == null ? null : tls.regenerate(machineId, name.value(),
                DockerUrlHost.replace(dockerUrl, address), certificates, false, null);
        apply(new IpChanged(machineId, previous, address));
        if (renewed != null) {
            apply(renewed.regenerated(machineId, "ip-changed"));
        }
    }

    /** Reports on the latest certificates only; one about an older version came too late and is ignored. */
    @CommandHandler
    void handle(ReportCertsInstalledCommand command) {
        if (acceptsReport() && certificates != null && certificates.secretVersion() == command.secretVersion()) {
            apply(command.failureReason() == null
                    ? new CertsInstalled(machineId, command.secretVersion())
                    : new CertsInstallFailed(machineId, command.secretVersion(), command.failureReason()));
        }
    }

    @CommandHandler
    void handle(RecordHostKeyCommand command) {
        var fingerprint = InvalidCommandException.requirePresent(command.fingerprint(), "fingerprint");
        if (acceptsReport() && !fingerprint.equals(hostKeyFingerprint)) {
            apply(new SshHostKeyPinned(machineId, command.address(), command.keyType(), fingerprint));
        }
    }

    /**
     * Replaces the pinned host key with one a user checked on the host, which the next session then requires. As
     * trusting a key decides who Harbormaster talks to, it takes the right to manage the machine.
     */
    @CommandHandler
    void handle(PinHostKeyCommand command, DriverRegistry drivers, @MetaDataValue(ACTOR_ID) String actorId,
                AccessDirectory access) {
        require(Right.MANAGE, MachineAction.PIN_HOST_KEY, actorId, access);
        if (!drivers.get(driver).provisions()) {
            throw new UnsupportedByDriverException("The " + driver + " driver does not reach its host over SSH: "
                    + "there is no host key to pin.");
        }
        var key = HostKeyPin.of(command.keyType(), command.fingerprint());
        if (accepts(MachineAction.PIN_HOST_KEY) && !key.fingerprint().equals(hostKeyFingerprint)) {
            apply(new SshHostKeyPinned(machineId, dockerUrl == null ? "" : DockerUrlHost.of(dockerUrl), key.type(),
                    key.fingerprint()));
        }
    }

    @CommandHandler
    void handle(CompleteLifecycleOperationCommand command) {
        if (acceptsReport() && MachineTransitions.expectsReport(state, inProgress, command.operation())) {
            apply(MachineReports.completed(machineId, command.operation()));
        }
    }

    @CommandHandler
    void handle(FailLifecycleOperationCommand command) {
        if (acceptsReport() && MachineTransitions.expectsReport(state, inProgress, command.operation())) {
            apply(new LifecycleOperationFailed(machineId, command.operation(), command.reason(), stateBeforeOperation));
        }
    }

    @CommandHandler
    void handle(CompleteRemovalCommand command) {
        if (acceptsReport() && state == MachineState.Removing) {
            apply(new MachineRemoved(machineId, teamId, name));
        }
    }

    @CommandHandler
    void handle(FailRemovalCommand command) {
        if (acceptsReport() && state == MachineState.Removing) {
            apply(new RemovalFailed(machineId, MachineReports.removalFailure(command.reason(), removalForced)));
            if (removalForced) {
                apply(new MachineRemoved(machineId, teamId, name));
            }
        }
    }

    /**
     * Refuses a user who lacks {@code right} on this machine: 404 like an unknown machine when they cannot even see
     * it, 403 naming the role needed otherwise. The platform itself (no user as actor) is not checked.
     */
    private void require(Right right, MachineAction action, String actorId, AccessDirectory access) {
        var user = Actors.user(actorId);
        if (user.isEmpty()) {
            return;
        }
        var standing = standingOf(user.get(), access);
        switch (MachineAccessRules.decide(right, standing)) {
            case ALLOW -> { }
            case NOT_FOUND -> throw NotVisibleException.machine(machineId);
            case FORBIDDEN -> throw new ForbiddenException("You may see machine '" + name + "' but not "
                    + action.infinitive() + " it: that needs " + right.needs() + ".");
        }
    }

    private Standing standingOf(UserId user, AccessDirectory access) {
        if (access.isPlatformAdmin(user)) {
            return new Standing(true, null, false, null);
        }
        var share = shares.get(Grantee.user(user));
        if (share != ShareRole.MEMBER && shares.keySet().stream().anyMatch(g -> g.kind() == Grantee.Kind.TEAM)) {
            for (var team : access.teamsOf(user)) {
                share = MachineAccessRules.better(share, shares.get(Grantee.team(team)));
            }
        }
        return new Standing(false, access.roleOf(teamId, user).orElse(null), user.equals(holder), share);
    }

    /** Checks the driver can do it at all, then asks the table. */
    private boolean accepts(MachineAction action, DriverRegistry drivers) {
        if (state != MachineState.Removed) {
            var capabilities = drivers.capabilities(driver);
            if (!capabilities.supports(action.operation())) {
                throw new UnsupportedByDriverException(capabilities.refusal(driver, action.operation()));
            }
        }
        return accepts(action);
    }

    /** True when the table accepts the action, false when it is already done; throws when it refuses. */
    private boolean accepts(MachineAction action) {
        return switch (MachineTransitions.decide(action, state, inProgress, provisioned)) {
            case Decision.Accept accept -> true;
            case Decision.AlreadyDone done -> false;
            case Decision.Refuse refuse -> throw MachineAccess.conflict(name, state, action, refuse.advice());
            case Decision.SameOperationOrRefuse unresolved -> throw new IllegalStateException("unresolved rule");
        };
    }

    private DockerEndpoint endpoint() {
        if (dockerUrl == null) {
            throw new MachineConflictException("Machine '" + name + "' has no Docker URL: its host was never "
                    + "created. Remove it and create it again.");
        }
        return new DockerEndpoint(name.value(), dockerUrl);
    }

    /** A removed machine refuses even late reports, like every other command. */
    private boolean acceptsReport() {
        if (state == MachineState.Removed) {
            throw MachineAccess.conflict(name, state, null, MachineTransitions.REMOVED);
        }
        return true;
    }
}
