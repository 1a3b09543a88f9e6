package io.harbormaster.api.machine;

/** A stop was accepted; the driver is stopping the machine. */
public record MachineStopRequested(MachineId machineId) {
}
