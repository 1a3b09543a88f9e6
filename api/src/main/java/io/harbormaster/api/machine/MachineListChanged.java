package io.harbormaster.api.machine;

/** The machine list has a change of this machine (new, changed or removed): an update of {@link WatchMachineListQuery}. */
public record MachineListChanged(MachineId machineId) {
}
