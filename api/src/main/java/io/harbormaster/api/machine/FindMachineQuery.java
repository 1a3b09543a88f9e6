package io.harbormaster.api.machine;

import io.harbormaster.api.user.Caller;

/** One machine's detail. Answers {@link MachineDetail}, or null when there is no such machine. */
public record FindMachineQuery(MachineId machineId, Caller caller) {
}
