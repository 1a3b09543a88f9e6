package io.harbormaster.command.process;

import io.harbormaster.api.machine.MachineId;

/** Whether a machine still waits on an operation, so a process never runs one that is already settled. */
@FunctionalInterface
public interface PendingOperationCheck {

    /** True while {@code operation} was requested for the machine and has no outcome yet. */
    boolean isPending(MachineId machineId, MachineOperation operation);
}
