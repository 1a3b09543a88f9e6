package io.harbormaster.query.audit;

import io.harbormaster.api.machine.CertsRegenerated;
import io.harbormaster.api.machine.CertsRenewalFailed;
import io.harbormaster.api.machine.CertsRenewalRequested;
import io.harbormaster.api.machine.ClientCertIssued;
import io.harbormaster.api.machine.EngineUpgraded;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.IpChanged;
import io.harbormaster.api.machine.LifecycleOperationFailed;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineImported;
import io.harbormaster.api.machine.MachineKillRequested;
import io.harbormaster.api.machine.MachineKilled;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.api.machine.MachineRestartRequested;
import io.harbormaster.api.machine.MachineRestarted;
import io.harbormaster.api.machine.MachineShared;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineStarted;
import io.harbormaster.api.machine.MachineStateObserved;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.MachineUnshared;
import io.harbormaster.api.machine.ProvisioningFailed;
import io.harbormaster.api.machine.CertsInstallFailed;
import io.harbormaster.api.machine.EngineUpgradeFailed;
import io.harbormaster.api.machine.EngineUpgradeRequested;
import io.harbormaster.api.machine.CertsInstalled;
import io.harbormaster.api.machine.MachineProvisionRequested;
import io.harbormaster.api.machine.OperationResumed;
import io.harbormaster.api.machine.ProvisioningStarted;
import io.harbormaster.api.machine.SshCertIssued;
import io.harbormaster.api.machine.SshHostKeyPinned;
import io.harbormaster.api.machine.SshUserCaInstallFailed;
import io.harbormaster.api.machine.SshUserCaInstalled;
import io.harbormaster.api.machine.ProvisioningStepCompleted;
import io.harbormaster.api.machine.RemovalFailed;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.util.Locale;

/**
 * Describes machine events. Machine events carry only the machine id, so the team and the name come from the audit
 * trail's own machine table; the summaries name people by login name, as of the event.
 */
final class MachineEventDescriber {

    private final AuditNames names;

    MachineEventDescriber(AuditNames names) {
        this.names = names;
    }

    /** The description, or null when the event is not a machine event. */
    Description describe(Object event) {
        return switch (event) {
            case MachineCreated e -> about(e.machineId(), "created with driver " + e.driver() + ", held by "
                    + names.user(e.holder()));
            case MachineImported e -> about(e.machineId(), imported(e) + ", held by " + names.user(e.holder()));
            case MachineProvisionRequested e -> about(e.machineId(), "provisioning requested");
            case ProvisioningStarted e -> about(e.machineId(), "provisioning started on " + e.os());
            case ProvisioningStepCompleted e -> about(e.machineId(), "provisioning step " + e.stepNumber() + "/"
                    + e.totalSteps() + " done: " + e.step());
            // a key pinned by a user for a host never created has no address to name
            case SshHostKeyPinned e -> about(e.machineId(), "SSH host key " + (e.address().isBlank() ? ""
                    : "of " + e.address() + " ") + "pinned: " + e.keyType() + " " + e.fingerprint());
            case SshUserCaInstalled e -> about(e.machineId(), "SSH user CA " + e.caFingerprint() + " trusted by the "
                    + "host's sshd (" + e.trustedKeysFile() + ")");
            case SshUserCaInstallFailed e -> about(e.machineId(), "the host's sshd could not be made to trust the SSH "
                    + "user CA: " + e.reason());
            case CertsInstalled e -> about(e.machineId(), "certificates (version " + e.secretVersion()
                    + ") installed on the host; daemon restarted");
            case CertsInstallFailed e -> about(e.machineId(), "certificates (version " + e.secretVersion()
                    + ") could not be installed: " + e.reason());
            case MachineProvisioned e -> about(e.machineId(), "provisioned; Docker Engine at " + e.dockerUrl());
            case ProvisioningFailed e -> about(e.machineId(), "provisioning failed at " + e.step() + ": " + e.reason());
            case MachineStartRequested e -> about(e.machineId(), "start requested");
            case MachineStarted e -> about(e.machineId(), "started");
            case MachineStopRequested e -> about(e.machineId(), "stop requested");
            case MachineStopped e -> about(e.machineId(), "stopped");
            case MachineRestartRequested e -> about(e.machineId(), "restart requested");
            case MachineRestarted e -> about(e.machineId(), "restarted");
            case MachineKillRequested e -> about(e.machineId(), "kill requested");
            case MachineKilled e -> about(e.machineId(), "killed");
            case LifecycleOperationFailed e -> about(e.machineId(), lower(e.operation()) + " failed: " + e.reason()
                    + " (now " + e.stateAfter() + ")");
            case MachineStateObserved e -> about(e.machineId(), "observed " + e.observed() + " (was " + e.previous()
                    + ")" + (e.reason() == null ? "" : ": " + e.reasonText()));
            case OperationResumed e -> about(e.machineId(), lower(e.operation()) + " resumed after the platform "
                    + "restarted");
            case IpChanged e -> about(e.machineId(), "address changed from " + e.previousAddress() + " to "
                    + e.newAddress());
            case CertsRenewalRequested e -> about(e.machineId(), "new certificates requested (" + e.reason()
                    + (e.rotateCa() ? ", new CA" : "") + (e.handOffTo() == null ? ""
                    : "; hand-off to " + names.user(e.handOffTo()) + " once stored") + ")");
            case CertsRenewalFailed e -> about(e.machineId(), "new certificates could not be made: " + e.reason()
                    + (e.retryable() ? " (the secret store was unavailable)" : ""));
            case CertsRegenerated e -> about(e.machineId(), "certificates regenerated (" + e.reason()
                    + (e.caRotated() ? ", CA rotated" : "") + "), valid until " + e.notAfter());
            case EngineUpgradeRequested e -> about(e.machineId(), "Docker Engine upgrade requested");
            case EngineUpgradeFailed e -> about(e.machineId(), "Docker Engine upgrade failed (still "
                    + e.version() + "): " + e.reason());
            case EngineUpgraded e -> about(e.machineId(), "Docker Engine upgraded from " + e.previousVersion()
                    + " to " + e.newVersion());
            case ClientCertIssued e -> about(e.machineId(), "client certificate issued to " + names.user(e.userId())
                    + ", valid until " + e.notAfter());
            case SshCertIssued e -> about(e.machineId(), "SSH certificate issued to " + names.user(e.userId())
                    + " for " + String.join(", ", e.principals()) + ", valid until " + e.validBefore() + " (key "
                    + e.keyFingerprint() + ", serial " + e.serial() + ")");
            case MachineHandedOff e -> about(e.machineId(), "handed off from " + names.user(e.previousHolder())
                    + " to " + names.user(e.newHolder())
                    + (e.previousHolderAccessRevoked() ? "; previous holder's access revoked" : ""));
            case MachineShared e -> about(e.machineId(), "shared with " + grantee(e.grantee()) + " as "
                    + lower(e.role()));
            case MachineUnshared e -> about(e.machineId(), "no longer shared with " + grantee(e.grantee()));
            case MachineRemovalRequested e -> about(e.machineId(), e.force() ? "forced removal requested"
                    : "removal requested");
            case RemovalFailed e -> about(e.machineId(), "removal failed: " + e.reason());
            case MachineRemoved e -> new Description(e.teamId(), e.machineId(), e.name().value(), "removed");
            default -> null;
        };
    }

    private Description about(MachineId machine, String summary) {
        var ref = names.machine(machine);
        TeamId team = ref.map(AuditNames.MachineRef::teamId).orElse(null);
        var subject = ref.map(AuditNames.MachineRef::name).orElse(machine.value());
        return new Description(team, machine, subject, summary);
    }

    private String grantee(Grantee grantee) {
        return switch (grantee.kind()) {
            case USER -> "user " + names.user(UserId.of(grantee.id()));
            case TEAM -> "team " + names.team(TeamId.of(grantee.id()));
        };
    }

    /** "RENEW_CERTS" as "renew certs", "CREATE" as "create". */
    private static String lower(String operation) {
        return operation == null ? "operation" : operation.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String lower(Enum<?> value) {
        return value == null ? "unknown" : value.name().toLowerCase(Locale.ROOT);
    }

    /** "imported from docker-machine on alice-laptop (/home/alice/.docker/machine, driver amazonec2) as none at …". */
    private static String imported(MachineImported e) {
        var from = e.importedFrom();
        var origin = from == null ? "" : " on " + from.workstation() + " (" + from.storePath() + ", driver "
                + from.driver() + ")";
        return "imported from docker-machine" + origin + " as " + e.driver() + " at " + e.dockerUrl();
    }
}
