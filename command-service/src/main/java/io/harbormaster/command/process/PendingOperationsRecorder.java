package io.harbormaster.command.process;

import static io.harbormaster.api.audit.AuditMetadata.CORRELATION_ID;

import io.harbormaster.api.machine.CertsRegenerated;
import io.harbormaster.api.machine.CertsRenewalFailed;
import io.harbormaster.api.machine.CertsRenewalRequested;
import io.harbormaster.api.machine.LifecycleOperationFailed;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineKillRequested;
import io.harbormaster.api.machine.MachineKilled;
import io.harbormaster.api.machine.MachineProvisionRequested;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.api.machine.MachineRestartRequested;
import io.harbormaster.api.machine.MachineRestarted;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineStarted;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.ProvisioningFailed;
import io.harbormaster.api.machine.RemovalFailed;
import io.harbormaster.command.lookup.LookupMaintainer;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Records which driver operation each machine waits on: set by the request event, cleared by the outcome event. It
 * runs in the write side's subscribing group, inside the transaction that appends the event, because the driver call
 * itself runs later on a tracking processor: this record is what survives a restart that cuts the call off. The
 * machine's lookup row exists before its first event (the creation handler claims its name first).
 */
@Component
@ProcessingGroup(LookupMaintainer.PROCESSING_GROUP)
class PendingOperationsRecorder {

    private final JdbcPendingOperations pending;

    PendingOperationsRecorder(JdbcPendingOperations pending) {
        this.pending = pending;
    }

    @EventHandler
    void on(MachineCreated event, @Timestamp Instant at, @MetaDataValue(CORRELATION_ID) String correlationId) {
        begin(event.machineId(), MachineOperation.CREATE, at, correlationId);
    }

    /** Resumed like a creation after a restart: the same steps run again. */
    @EventHandler
    void on(MachineProvisionRequested event, @Timestamp Instant at,
            @MetaDataValue(CORRELATION_ID) String correlationId) {
        begin(event.machineId(), MachineOperation.CREATE, at, correlationId);
    }

    @EventHandler
    void on(MachineStartRequested event, @Timestamp Instant at, @MetaDataValue(CORRELATION_ID) String correlationId) {
        begin(event.machineId(), MachineOperation.START, at, correlationId);
    }

    @EventHandler
    void on(MachineStopRequested event, @Timestamp Instant at, @MetaDataValue(CORRELATION_ID) String correlationId) {
        begin(event.machineId(), MachineOperation.STOP, at, correlationId);
    }

    @EventHandler
    void on(MachineRestartRequested event, @Timestamp Instant at,
            @MetaDataValue(CORRELATION_ID) String correlationId) {
        begin(event.machineId(), MachineOperation.RESTART, at, correlationId);
    }

    @EventHandler
    void on(MachineKillRequested event, @Timestamp Instant at, @MetaDataValue(CORRELATION_ID) String correlationId) {
        begin(event.machineId(), MachineOperation.KILL, at, correlationId);
    }

    /** A forced removal replaces whatever operation was in progress: the machine now waits on its removal. */
    @EventHandler
    void on(MachineRemovalRequested event, @Timestamp Instant at,
            @MetaDataValue(CORRELATION_ID) String correlationId) {
        begin(event.machineId(), MachineOperation.REMOVE, at, correlationId);
    }

    @EventHandler
    void on(CertsRenewalRequested event, @Timestamp Instant at,
            @MetaDataValue(CORRELATION_ID) String correlationId) {
        begin(event.machineId(), MachineOperation.RENEW_CERTS, at, correlationId);
    }

    @EventHandler
    void on(CertsRegenerated event) {
        pending.endRenewal(event.machineId());
    }

    @EventHandler
    void on(CertsRenewalFailed event) {
        pending.endRenewal(event.machineId());
    }

    @EventHandler
    void on(MachineProvisioned event) {
        pending.end(event.machineId());
    }

    @EventHandler
    void on(ProvisioningFailed event) {
        pending.end(event.machineId());
    }

    @EventHandler
    void on(MachineStarted event) {
        pending.end(event.machineId());
    }

    @EventHandler
    void on(MachineStopped event) {
        pending.end(event.machineId());
    }

    @EventHandler
    void on(MachineRestarted event) {
        pending.end(event.machineId());
    }

    @EventHandler
    void on(MachineKilled event) {
        pending.end(event.machineId());
    }

    @EventHandler
    void on(LifecycleOperationFailed event) {
        pending.end(event.machineId());
    }

    @EventHandler
    void on(RemovalFailed event) {
        pending.end(event.machineId());
    }

    /** The lookups delete the machine's row too; clearing first keeps this true in either order. */
    @EventHandler
    void on(MachineRemoved event) {
        pending.end(event.machineId());
        pending.endRenewal(event.machineId());
    }

    private void begin(MachineId id, MachineOperation operation, Instant at, String correlationId) {
        pending.begin(id, operation, at, correlationId);
    }
}
