package io.harbormaster.api.machine;

/** The machine is stopped. */
public record MachineStopped(MachineId machineId) {
}
