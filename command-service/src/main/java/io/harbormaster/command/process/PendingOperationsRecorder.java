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

    /**
     * A request event records what the machine now waits on (a forced removal replaces whatever was in progress);
     * an outcome event clears it. The lookups delete a removed machine's row too; clearing first keeps this true in
     * either order.
     */
    @EventHandler
    void on(Object event, @Timestamp Instant at, @MetaDataValue(CORRELATION_ID) String correlationId) {
        switch (event) {
            case MachineCreated e -> begin(e.machineId(), MachineOperation.CREATE, at, correlationId);
            case MachineProvisionRequested e -> begin(e.machineId(), MachineOperation.CREATE, at, correlationId);
            case MachineStartRequested e -> begin(e.machineId(), MachineOperation.START, at, correlationId);
            case MachineStopRequested e -> begin(e.machineId(), MachineOperation.STOP, at, correlationId);
            case MachineRestartRequested e -> begin(e.machineId(), MachineOperation.RESTART, at, correlationId);
            case MachineKillRequested e -> begin(e.machineId(), MachineOperation.KILL, at, correlationId);
            case MachineRemovalRequested e -> begin(e.machineId(), MachineOperation.REMOVE, at, correlationId);
            case CertsRenewalRequested e -> begin(e.machineId(), MachineOperation.RENEW_CERTS, at, correlationId);
            case CertsRegenerated e when !"created".equals(e.reason()) -> pending.endRenewal(e.machineId());
            case CertsRenewalFailed e -> pending.endRenewal(e.machineId());
            case MachineProvisioned e -> pending.end(e.machineId());
            case ProvisioningFailed e -> pending.end(e.machineId());
            case MachineStarted e -> pending.end(e.machineId());
            case MachineStopped e -> pending.end(e.machineId());
            case MachineRestarted e -> pending.end(e.machineId());
            case MachineKilled e -> pending.end(e.machineId());
            case LifecycleOperationFailed e -> pending.end(e.machineId());
            case RemovalFailed e -> pending.end(e.machineId());
            case MachineRemoved e -> {
                pending.end(e.machineId());
                pending.endRenewal(e.machineId());
            }
            default -> { }
        }
    }

    private void begin(MachineId id, MachineOperation operation, Instant at, String correlationId) {
        pending.begin(id, operation, at, correlationId);
    }
}
