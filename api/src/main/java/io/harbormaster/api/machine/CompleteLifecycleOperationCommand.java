package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The driver finished an operation that was in progress (sent by the lifecycle process). */
public record CompleteLifecycleOperationCommand(@TargetAggregateIdentifier MachineId machineId, LifecycleOperation operation) {
}
