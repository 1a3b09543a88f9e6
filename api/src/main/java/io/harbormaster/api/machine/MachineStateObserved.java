package io.harbormaster.api.machine;

/** The driver reported a state different from the recorded one. */
public record MachineStateObserved(MachineId machineId, MachineState previous, MachineState observed) {
}
