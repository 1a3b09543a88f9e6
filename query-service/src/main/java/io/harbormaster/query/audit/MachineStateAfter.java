package io.harbormaster.query.audit;

import io.harbormaster.api.machine.LifecycleOperationFailed;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineImported;
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
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineStateObserved;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.ProvisioningFailed;
import io.harbormaster.api.machine.ProvisioningStarted;
import io.harbormaster.api.machine.RemovalFailed;
import java.util.Optional;

/**
 * The state a machine event puts the machine in, as the machine list shows it ({@code MachineListProjection}; a
 * test holds the two together), or empty for an event that leaves the state as it was. The audit trail keeps it per
 * entry so a live event stream can say the state after each entry without reading another projection, which may be
 * ahead of or behind this one.
 */
final class MachineStateAfter {

    private MachineStateAfter() {
    }

    static Optional<MachineState> of(Object event) {
        return Optional.ofNullable(switch (event) {
            case MachineCreated e -> MachineState.Creating;
            case MachineImported e -> e.state() == null ? MachineState.Unknown : e.state();
            case MachineProvisionRequested e -> MachineState.Provisioning;
            case ProvisioningStarted e -> MachineState.Provisioning;
            case MachineProvisioned e -> MachineState.Running;
            case ProvisioningFailed e -> MachineState.Error;
            case MachineStartRequested e -> MachineState.Starting;
            case MachineRestartRequested e -> MachineState.Starting;
            case MachineStopRequested e -> MachineState.Stopping;
            case MachineKillRequested e -> MachineState.Stopping;
            case MachineStarted e -> MachineState.Running;
            case MachineRestarted e -> MachineState.Running;
            case MachineStopped e -> MachineState.Stopped;
            case MachineKilled e -> MachineState.Stopped;
            case LifecycleOperationFailed e -> e.stateAfter() == null ? MachineState.Unknown : e.stateAfter();
            case MachineStateObserved e -> e.observed();
            case MachineRemovalRequested e -> MachineState.Removing;
            case RemovalFailed e -> MachineState.Error;
            case MachineRemoved e -> MachineState.Removed;
            default -> null;
        });
    }
}
