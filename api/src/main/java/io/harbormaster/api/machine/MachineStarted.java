package io.harbormaster.api.machine;

/** The machine is running again. */
public record MachineStarted(MachineId machineId) {
}
