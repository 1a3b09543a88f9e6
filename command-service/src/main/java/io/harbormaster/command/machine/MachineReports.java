package io.harbormaster.command.machine;

import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineKilled;
import io.harbormaster.api.machine.MachineRestarted;
import io.harbormaster.api.machine.MachineStarted;
import io.harbormaster.api.machine.MachineStopped;

/** The events that the processes' reports turn into. */
final class MachineReports {

    private MachineReports() {
    }

    /** The event that says {@code operation} finished. */
    static Object completed(MachineId machineId, LifecycleOperation operation) {
        return switch (operation) {
            case START -> new MachineStarted(machineId);
            case STOP -> new MachineStopped(machineId);
            case RESTART -> new MachineRestarted(machineId);
            case KILL -> new MachineKilled(machineId);
        };
    }

    /** The reason recorded when the driver could not remove the host; says so when force removes it anyway. */
    static String removalFailure(String reason, boolean forced) {
        var why = reason == null || reason.isBlank() ? "The driver could not remove the host." : reason;
        return forced
                ? why + " Removed from Harbormaster anyway because removal was forced; the host may still exist "
                        + "and must be cleaned up by hand."
                : why + " Retry the removal, or remove it with force to drop it from Harbormaster.";
    }
}
