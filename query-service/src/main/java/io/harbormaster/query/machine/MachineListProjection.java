package io.harbormaster.query.machine;

import io.harbormaster.api.machine.CertsInstallFailed;
import io.harbormaster.api.machine.CertsInstalled;
import io.harbormaster.api.machine.CertsRegenerated;
import io.harbormaster.api.machine.CertsRenewalFailed;
import io.harbormaster.api.machine.CertsRenewalRequested;
import io.harbormaster.api.machine.SshCertIssued;
import io.harbormaster.api.machine.SshHostKeyPinned;
import io.harbormaster.api.machine.SshUserCaInstallFailed;
import io.harbormaster.api.machine.SshUserCaInstalled;
import io.harbormaster.api.machine.ClientCertIssued;
import io.harbormaster.api.machine.EngineUpgradeFailed;
import io.harbormaster.api.machine.EngineUpgradeRequested;
import io.harbormaster.api.machine.EngineUpgraded;
import io.harbormaster.api.machine.IpChanged;
import io.harbormaster.api.machine.LifecycleOperationFailed;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineImported;
import io.harbormaster.api.machine.MachineKillRequested;
import io.harbormaster.api.machine.MachineKilled;
import io.harbormaster.api.machine.MachineProvisionRequested;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.api.machine.MachineRestartRequested;
import io.harbormaster.api.machine.MachineRestarted;
import io.harbormaster.api.machine.MachineShared;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineStarted;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineStateObserved;
import io.harbormaster.api.machine.OperationResumed;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.MachineUnshared;
import io.harbormaster.api.machine.ProvisioningFailed;
import io.harbormaster.api.machine.ProvisioningStarted;
import io.harbormaster.api.machine.ProvisioningStepCompleted;
import io.harbormaster.api.machine.RemovalFailed;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.user.UserRegistered;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projects machine events into {@code rm_machine} (list and detail) and {@code rm_machine_share}, or into any other
 * {@link MachineListRows}. Every machine event advances the row's version, even the ones that change nothing
 * visible, because the version is the ETag clients send back to the command side. Users and teams are followed only for their names. Over 250 lines
 * because Axon routes by payload type: one short handler per machine event.
 */
@Component
@ProcessingGroup(MachineListProjection.PROCESSING_GROUP)
public class MachineListProjection {

    public static final String PROCESSING_GROUP = "machine-list";

    private final MachineListRows rows;

    @Autowired
    public MachineListProjection(JdbcClient jdbc) {
        this(new MachineRows(jdbc));
    }

    /** The same handlers over other rows: the fleet-as-of view replays events into a transient list with them. */
    MachineListProjection(MachineListRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(MachineCreated e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.insert(e.machineId(), e.teamId(), e.name().value(), e.driver(), e.driverOptions(), e.holder(),
                MachineState.Creating, seq, at, e.engineOptions());
    }

    /** An imported machine has its daemon and CA from the start; the reconciler's next look records its state. */
    @EventHandler
    void on(MachineImported e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.insert(e.machineId(), e.teamId(), e.name().value(), e.driver(), e.driverOptions(), e.holder(),
                e.state(), seq, at, e.engineOptions());
        rows.imported(e.machineId(), seq, e.dockerUrl(), e.certificates());
    }

    @EventHandler
    void on(MachineProvisionRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.state(e.machineId(), seq, at, MachineState.Provisioning);
    }

    @EventHandler
    void on(ProvisioningStarted e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.provisioningStarted(e.machineId(), seq, at, e.os());
    }

    @EventHandler
    void on(ProvisioningStepCompleted e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.touch(e.machineId(), seq, at);
    }

    @EventHandler
    void on(MachineProvisioned e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.provisioned(e.machineId(), seq, at, e.dockerUrl(), e.dockerVersion());
    }

    @EventHandler
    void on(ProvisioningFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.failed(e.machineId(), seq, at, MachineState.Error, e.reason());
    }

    @EventHandler
    void on(MachineStartRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.state(e.machineId(), seq, at, MachineState.Starting);
    }

    @EventHandler
    void on(MachineRestartRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.state(e.machineId(), seq, at, MachineState.Starting);
    }

    @EventHandler
    void on(MachineStopRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.state(e.machineId(), seq, at, MachineState.Stopping);
    }

    @EventHandler
    void on(MachineKillRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.state(e.machineId(), seq, at, MachineState.Stopping);
    }

    @EventHandler
    void on(MachineStarted e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.state(e.machineId(), seq, at, MachineState.Running);
    }

    @EventHandler
    void on(MachineRestarted e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.state(e.machineId(), seq, at, MachineState.Running);
    }

    @EventHandler
    void on(MachineStopped e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.state(e.machineId(), seq, at, MachineState.Stopped);
    }

    @EventHandler
    void on(MachineKilled e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.state(e.machineId(), seq, at, MachineState.Stopped);
    }

    @EventHandler
    void on(LifecycleOperationFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.failed(e.machineId(), seq, at, e.stateAfter() == null ? MachineState.Unknown : e.stateAfter(), e.reason());
    }

    @EventHandler
    void on(MachineStateObserved e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (e.reason() != null) {
            rows.failed(e.machineId(), seq, at, e.observed(), e.reasonText());
        } else if (e.observed() == MachineState.Running) {
            // answering again resolves what the last error said
            rows.failed(e.machineId(), seq, at, MachineState.Running, null);
        } else {
            rows.state(e.machineId(), seq, at, e.observed());
        }
    }

    @EventHandler
    void on(IpChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.dockerUrl(e.machineId(), seq, at,
                DockerUrls.withHost(rows.dockerUrlOf(e.machineId()), e.previousAddress(), e.newAddress()));
    }

    @EventHandler
    void on(CertsRegenerated e, @SequenceNumber long seq, @Timestamp Instant at) {
        // the same CA is recorded again when only the server certificate was renewed
        rows.certificates(e.machineId(), seq, at, MachineCertificates.of(e));
    }

    @EventHandler
    void on(CertsRenewalRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.touch(e.machineId(), seq, at);
    }

    @EventHandler
    void on(CertsRenewalFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.touch(e.machineId(), seq, at);
    }

    @EventHandler
    void on(SshHostKeyPinned e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.touch(e.machineId(), seq, at);
    }

    @EventHandler
    void on(SshUserCaInstalled e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.touch(e.machineId(), seq, at);
    }

    @EventHandler
    void on(SshUserCaInstallFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.touch(e.machineId(), seq, at);
    }

    @EventHandler
    void on(SshCertIssued e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.touch(e.machineId(), seq, at);
    }

    @EventHandler
    void on(CertsInstalled e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.touch(e.machineId(), seq, at);
    }

    @EventHandler
    void on(CertsInstallFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.touch(e.machineId(), seq, at);
    }

    @EventHandler
    void on(EngineUpgradeRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.touch(e.machineId(), seq, at);
    }

    @EventHandler
    void on(EngineUpgradeFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.touch(e.machineId(), seq, at);
    }

    @EventHandler
    void on(EngineUpgraded e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.dockerVersion(e.machineId(), seq, at, e.newVersion());
    }

    @EventHandler
    void on(ClientCertIssued e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.touch(e.machineId(), seq, at);
    }

    @EventHandler
    void on(OperationResumed e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.touch(e.machineId(), seq, at);
    }

    @EventHandler
    void on(MachineHandedOff e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.holder(e.machineId(), seq, at, e.newHolder());
    }

    @EventHandler
    void on(MachineShared e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (rows.touch(e.machineId(), seq, at)) {
            rows.share(e.machineId(), e.grantee(), e.role());
        }
    }

    @EventHandler
    void on(MachineUnshared e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (rows.touch(e.machineId(), seq, at)) {
            rows.unshare(e.machineId(), e.grantee());
        }
    }

    @EventHandler
    void on(MachineRemovalRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.state(e.machineId(), seq, at, MachineState.Removing);
    }

    @EventHandler
    void on(RemovalFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.failed(e.machineId(), seq, at, MachineState.Error, e.reason());
    }

    @EventHandler
    void on(MachineRemoved e, @SequenceNumber long seq) {
        rows.remove(e.machineId(), seq);
    }

    @EventHandler
    void on(UserRegistered e) {
        rows.userName(e.userId(), e.username().value());
    }

    @EventHandler
    void on(TeamCreated e) {
        rows.teamName(e.teamId(), e.name().value());
    }

    @ResetHandler
    void reset() {
        rows.truncate();
    }
}
