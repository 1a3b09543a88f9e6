package io.harbormaster.command.machine;

import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.LifecycleOperationFailed;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineImported;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineKillRequested;
import io.harbormaster.api.machine.MachineKilled;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.CertsRegenerated;
import io.harbormaster.api.machine.CertsRenewalFailed;
import io.harbormaster.api.machine.CertsRenewalRequested;
import io.harbormaster.api.machine.IpChanged;
import io.harbormaster.api.machine.MachineProvisionRequested;
import io.harbormaster.api.machine.SshHostKeyPinned;
import io.harbormaster.api.machine.SshUserCaInstallFailed;
import io.harbormaster.api.machine.SshUserCaInstalled;
import io.harbormaster.api.machine.MachineCertificates;
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
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.MachineUnshared;
import io.harbormaster.api.machine.ProvisioningFailed;
import io.harbormaster.api.machine.ProvisioningStarted;
import io.harbormaster.api.machine.RemovalFailed;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A machine as its events describe it. Its event-sourcing handlers only assign state; the decisions live in the
 * subclass {@link Machine}, which keeps the aggregate's two halves each small enough to read at once.
 *
 * <p>These fields are also the machine's snapshot ({@link MachineSnapshots}): stored as JSON of the fields alone, never
 * of getters. A change to them (a field added, renamed or given another meaning) needs a new
 * {@link MachineSnapshots#REVISION}, so older snapshots are ignored and the machine is rebuilt from its events.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
abstract class RecordedMachine {

    @AggregateIdentifier
    MachineId machineId;
    TeamId teamId;
    MachineName name;
    String driver;
    UserId holder;
    MachineState state;
    /** The operation a Starting or Stopping machine is carrying out. */
    LifecycleOperation inProgress;
    /** Where a failed operation leaves the machine: the state it had when the operation was requested. */
    MachineState stateBeforeOperation;
    /** False until the host was created, so a machine whose creation failed is not started. */
    boolean provisioned;
    boolean removalForced;
    /** Where its Docker daemon listens, once the host was created. */
    String dockerUrl;
    /** How Docker Engine is set up on the host, as given at creation; never null. */
    EngineOptions engineOptions = EngineOptions.none();
    /** The pinned SSH host key's fingerprint and type, once the host was first contacted. */
    String hostKeyFingerprint;
    String hostKeyType;
    /** The SSH user CA the host's sshd trusts; null until a provisioning or certificate install made it trust one. */
    String sshUserCaFingerprint;
    /** Why the last attempt to make the host trust the SSH user CA failed, or null when it succeeded. */
    String sshUserCaProblem;
    /** The TLS material in use, or null before the first certificates were made. */
    MachineCertificates certificates;
    @JsonSerialize(keyUsing = GranteeKey.Writer.class)
    @JsonDeserialize(keyUsing = GranteeKey.Reader.class)
    final Map<Grantee, ShareRole> shares = new HashMap<>();
    /** What the reconciler last recorded as not answering, or null; cleared by every change of state. */
    String observedProblem;
    /** The certificate renewal the certificate process is carrying out, or null. */
    CertsRenewalRequested renewal;
    /** The address changed while a renewal was running: another one follows it, for the new address. */
    boolean renewalQueued;
    /** The renewal for a new address failed (the secret store was away, say): the next observation asks again. */
    boolean addressRenewalFailed;
    /** Brought in from docker-machine: its daemon was configured elsewhere, with the CA it came with. */
    boolean imported;

    @EventSourcingHandler
    void on(MachineCreated event) {
        machineId = event.machineId();
        teamId = event.teamId();
        name = event.name();
        driver = event.driver();
        holder = event.holder();
        engineOptions = event.engineOptions();
        state = MachineState.Creating;
    }

    /** An imported machine exists already: it has its address and certificates, and the platform looks next. */
    @EventSourcingHandler
    void on(MachineImported event) {
        machineId = event.machineId();
        teamId = event.teamId();
        name = event.name();
        driver = event.driver();
        holder = event.holder();
        engineOptions = event.engineOptions();
        state = event.state();
        provisioned = true;
        dockerUrl = event.dockerUrl();
        certificates = event.certificates();
        imported = true;
    }

    @EventSourcingHandler
    void on(MachineProvisioned event) {
        provisioned = true;
        dockerUrl = event.dockerUrl();
        state = MachineState.Running;
    }

    @EventSourcingHandler
    void on(IpChanged event) {
        dockerUrl = DockerUrlHost.replace(dockerUrl, event.newAddress());
        renewalQueued = renewal != null;
    }

    @EventSourcingHandler
    void on(CertsRenewalRequested event) {
        renewal = event;
        renewalQueued = false;
    }

    @EventSourcingHandler
    void on(CertsRenewalFailed event) {
        addressRenewalFailed = renewal != null && "ip-changed".equals(renewal.reason());
        renewal = null;
    }

    @EventSourcingHandler
    void on(SshHostKeyPinned event) {
        hostKeyFingerprint = event.fingerprint();
        hostKeyType = event.keyType();
    }

    @EventSourcingHandler
    void on(SshUserCaInstalled event) {
        sshUserCaFingerprint = event.caFingerprint();
        sshUserCaProblem = null;
    }

    @EventSourcingHandler
    void on(SshUserCaInstallFailed event) {
        sshUserCaProblem = event.reason();
    }

    @EventSourcingHandler
    void on(CertsRegenerated event) {
        certificates = MachineCertificates.of(event);
        renewal = null;
        addressRenewalFailed = false;
    }

    /** Emitted by the provisioner of drivers that install Docker Engine; creation is still in progress. */
    @EventSourcingHandler
    void on(ProvisioningStarted event) {
        state = MachineState.Provisioning;
    }

    @EventSourcingHandler
    void on(MachineProvisionRequested event) {
        state = MachineState.Provisioning;
    }

    @EventSourcingHandler
    void on(ProvisioningFailed event) {
        state = MachineState.Error;
    }

    @EventSourcingHandler
    void on(MachineStartRequested event) {
        begin(LifecycleOperation.START, MachineState.Starting);
    }

    @EventSourcingHandler
    void on(MachineRestartRequested event) {
        begin(LifecycleOperation.RESTART, MachineState.Starting);
    }

    @EventSourcingHandler
    void on(MachineStopRequested event) {
        begin(LifecycleOperation.STOP, MachineState.Stopping);
    }

    @EventSourcingHandler
    void on(MachineKillRequested event) {
        begin(LifecycleOperation.KILL, MachineState.Stopping);
    }

    @EventSourcingHandler
    void on(MachineStarted event) {
        end(MachineState.Running);
    }

    @EventSourcingHandler
    void on(MachineRestarted event) {
        end(MachineState.Running);
    }

    @EventSourcingHandler
    void on(MachineStopped event) {
        end(MachineState.Stopped);
    }

    @EventSourcingHandler
    void on(MachineKilled event) {
        end(MachineState.Stopped);
    }

    @EventSourcingHandler
    void on(LifecycleOperationFailed event) {
        end(event.stateAfter());
    }

    @EventSourcingHandler
    void on(MachineStateObserved event) {
        end(event.observed());
        observedProblem = event.reason();
    }

    @EventSourcingHandler
    void on(MachineRemovalRequested event) {
        end(MachineState.Removing);
        removalForced = event.force();
    }

    @EventSourcingHandler
    void on(RemovalFailed event) {
        end(MachineState.Error);
    }

    @EventSourcingHandler
    void on(MachineRemoved event) {
        end(MachineState.Removed);
    }

    @EventSourcingHandler
    void on(MachineHandedOff event) {
        holder = event.newHolder();
    }

    @EventSourcingHandler
    void on(MachineShared event) {
        shares.put(event.grantee(), event.role());
    }

    @EventSourcingHandler
    void on(MachineUnshared event) {
        shares.remove(event.grantee());
    }

    /** The request for new TLS material for the machine's current address, based on the material in use. */
    CertsRenewalRequested renewalRequest(String reason, boolean rotateCa, String keyAlgorithm, UserId handOffTo) {
        return new CertsRenewalRequested(machineId, reason, rotateCa || certificates == null, keyAlgorithm, name,
                dockerUrl, certificates, handOffTo, engineOptions.tlsSans());
    }

    private void begin(LifecycleOperation operation, MachineState transitional) {
        stateBeforeOperation = state;
        inProgress = operation;
        state = transitional;
    }

    private void end(MachineState next) {
        observedProblem = null;
        inProgress = null;
        stateBeforeOperation = null;
        state = next;
    }
}
