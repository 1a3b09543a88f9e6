package io.harbormaster.api.machine;

/** A start was accepted; the driver is starting the machine. */
public record MachineStartRequested(MachineId machineId) {
}
