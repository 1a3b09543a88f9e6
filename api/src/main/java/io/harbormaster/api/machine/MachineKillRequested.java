package io.harbormaster.api.machine;

/** A kill was accepted; the driver is stopping the machine forcibly. */
public record MachineKillRequested(MachineId machineId) {
}
