package io.harbormaster.api.machine;

/**
 * A subscription to changes of the machine list: its initial answer is nothing worth keeping (0), its updates are
 * {@link MachineListChanged}, one per machine event once the machine list has it. Subscribers read the list again
 * through {@link FindMachinesQuery}, which applies who may see what; the update itself names only a machine id.
 */
public record WatchMachineListQuery() {
}
