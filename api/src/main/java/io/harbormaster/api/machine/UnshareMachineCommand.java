package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take back a share. */
public record UnshareMachineCommand(@TargetAggregateIdentifier MachineId machineId, Grantee grantee) {
}
