package io.harbormaster.api.machine;

/** A start, stop, restart or kill failed; the machine is back in `stateAfter`. */
public record LifecycleOperationFailed(MachineId machineId, LifecycleOperation operation, String reason, MachineState stateAfter) {
}
