package io.harbormaster.api.machine;

/** The machine was stopped forcibly. */
public record MachineKilled(MachineId machineId) {
}
