package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a user or another team see or use the machine. */
public record ShareMachineCommand(@TargetAggregateIdentifier MachineId machineId, Grantee grantee, ShareRole role) {
}
