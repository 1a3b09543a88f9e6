package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Start a stopped machine. `expectedVersion` (nullable) refuses the command if the machine changed since. */
public record StartMachineCommand(@TargetAggregateIdentifier MachineId machineId, @TargetAggregateVersion Long expectedVersion) {
}
