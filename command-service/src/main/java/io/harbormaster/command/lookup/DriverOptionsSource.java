package io.harbormaster.command.lookup;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.MachineId;

/**
 * Where a machine's driver options and engine options are recorded: its creation event, the one record of them.
 */
@FunctionalInterface
public interface DriverOptionsSource {

    /** The options the machine was created with; none when its creation is not (or no longer) recorded. */
    DriverOptions of(MachineId machineId);

    /** The engine options the machine was created with; none when it had none (or its creation is not recorded). */
    default EngineOptions engineOptionsOf(MachineId machineId) {
        return EngineOptions.none();
    }
}
