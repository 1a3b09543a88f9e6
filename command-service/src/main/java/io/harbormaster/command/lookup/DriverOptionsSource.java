package io.harbormaster.command.lookup;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;

/** Where a machine's driver options are recorded: its creation event, the one record of them. */
@FunctionalInterface
public interface DriverOptionsSource {

    /** The options the machine was created with; none when its creation is not (or no longer) recorded. */
    DriverOptions of(MachineId machineId);
}
