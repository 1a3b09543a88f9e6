package io.harbormaster.command.machine;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.harbormaster.api.machine.CertsInstallFailed;
import io.harbormaster.api.machine.CertsInstalled;
import io.harbormaster.api.machine.CertsRenewalFailed;
import io.harbormaster.command.machine.CompleteCreationCommand;
import io.harbormaster.command.machine.CompleteLifecycleOperationCommand;
import io.harbormaster.command.machine.CompleteRemovalCommand;
import io.harbormaster.api.machine.EngineUpgradeFailed;
import io.harbormaster.api.machine.EngineUpgraded;
import io.harbormaster.command.machine.FailCreationCommand;
import io.harbormaster.command.machine.FailLifecycleOperationCommand;
import io.harbormaster.command.machine.FailRemovalCommand;
import io.harbormaster.api.machine.LifecycleOperationFailed;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.OperationResumed;
import io.harbormaster.api.machine.ProvisioningFailed;
import io.harbormaster.api.machine.ProvisioningStarted;
import io.harbormaster.api.machine.ProvisioningStepCompleted;
import io.harbormaster.command.machine.RecordHostKeyCommand;
import io.harbormaster.api.machine.RemovalFailed;
import io.harbormaster.command.machine.ReportCertsInstalledCommand;
import io.harbormaster.command.machine.ReportEngineUpgradeCommand;
import io.harbormaster.command.machine.ReportProvisioningCommand;
import io.harbormaster.api.machine.SshHostKeyPinned;
import io.harbormaster.api.machine.SshUserCaInstallFailed;
import io.harbormaster.api.machine.SshUserCaInstalled;
import io.harbormaster.command.refusal.InvalidCommandException;
import org.axonframework.commandhandling.CommandHandler;

/**
 * The machine's half that records what its processes report: driver outcomes, provisioning progress, stored TLS
 * material, installs and upgrades. Reports that come too late (the work they report on is no longer in progress)
 * are ignored rather than refused; a removed machine refuses them like every other command.
 */
abstract class ReportedMachine extends RecordedMachine {

    @CommandHandler
    void handle(CompleteCreationCommand command) {
        var url = InvalidCommandException.requirePresent(command.dockerUrl(), "dockerUrl");
        if (acceptsReport() && MachineTransitions.expectsCreationReport(state)) {
            apply(new MachineProvisioned(machineId, url, command.dockerVersion()));
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
     * The requested material is stored: recorded as the machine's (a hand-off waiting for it happens now, in the same
     * step). An address change that came meanwhile asks for the next renewal at once.
     */
    @CommandHandler
    void handle(RecordCertsRenewalCommand command) {
        var made = InvalidCommandException.requirePresent(command.certificates(), "certificates");
        if (acceptsReport() && renewal != null) {
            var request = renewal;
            if (request.handOffTo() != null && !request.handOffTo().equals(holder)) {
                apply(new MachineHandedOff(machineId, holder, request.handOffTo(), true));
            }
            apply(made.regenerated(machineId, request.reason()));
            renewQueued();
        }
    }

    @CommandHandler
    void handle(FailCertsRenewalCommand command) {
        if (acceptsReport() && renewal != null) {
            apply(new CertsRenewalFailed(machineId, command.reason(), command.retryable()));
            renewQueued();
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
    void handle(ReportEngineUpgradeCommand command) {
        if (acceptsReport()) {
            apply(command.failureReason() == null
                    ? new EngineUpgraded(machineId, command.previousVersion(), command.newVersion())
                    : new EngineUpgradeFailed(machineId, command.previousVersion(), command.failureReason()));
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
     * Whether the host's sshd trusts the machine's SSH user CA. A success is recorded when the host trusts another CA
     * than the one recorded, or after a failure; provisioning the same host again with the same CA adds nothing.
     */
    @CommandHandler
    void handle(ReportSshUserCaCommand command) {
        var fingerprint = InvalidCommandException.requirePresent(command.caFingerprint(), "caFingerprint");
        if (!acceptsReport()) {
            return;
        }
        if (command.failureReason() != null) {
            apply(new SshUserCaInstallFailed(machineId, fingerprint, command.failureReason()));
        } else if (!fingerprint.equals(sshUserCaFingerprint) || sshUserCaProblem != null) {
            apply(new SshUserCaInstalled(machineId, fingerprint, command.trustedKeysFile()));
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

    /** After a renewal ended: the one an address change asked for meanwhile, for the current address. */
    private void renewQueued() {
        if (renewalQueued && certificates != null && state != MachineState.Removing) {
            apply(renewalRequest("ip-changed", false, null, null));
        }
    }

    /** A removed machine refuses even late reports, like every other command. */
    /** A restart cut the operation off and the recovery process runs it again; recorded for the history only. */
    @CommandHandler
    void handle(RecordResumptionCommand command) {
        var operation = InvalidCommandException.requirePresent(command.operation(), "operation");
        if (acceptsReport()) {
            apply(new OperationResumed(machineId, operation));
        }
    }

    boolean acceptsReport() {
        if (state == MachineState.Removed) {
            throw MachineAccess.conflict(name, state, null, MachineTransitions.REMOVED);
        }
        return true;
    }
}
