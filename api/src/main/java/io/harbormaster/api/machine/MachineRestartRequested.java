package io.harbormaster.api.machine;

/** A restart was accepted; the driver is restarting the machine. */
public record MachineRestartRequested(MachineId machineId) {
}
