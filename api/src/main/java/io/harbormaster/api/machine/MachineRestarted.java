package io.harbormaster.api.machine;

/** The machine was restarted and is running. */
public record MachineRestarted(MachineId machineId) {
}
