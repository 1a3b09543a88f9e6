package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The driver could not create or provision the host (sent by the creation process). */
public record FailCreationCommand(@TargetAggregateIdentifier MachineId machineId, String reason) {
}
