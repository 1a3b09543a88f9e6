package io.harbormaster.command.machine;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The driver could not finish an operation that was in progress (sent by the lifecycle process). */
public record FailLifecycleOperationCommand(@TargetAggregateIdentifier MachineId machineId, LifecycleOperation operation, String reason) {

    public FailLifecycleOperationCommand {
        reason = ControlCharacters.readable(reason);
    }
}
