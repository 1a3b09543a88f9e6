package io.harbormaster.api.machine;

/** A removal was accepted; the driver is removing the host. */
public record MachineRemovalRequested(MachineId machineId, boolean force) {
}
