package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The driver created the host and, where it provisions, provisioned it (sent by the creation process). */
public record CompleteCreationCommand(@TargetAggregateIdentifier MachineId machineId) {
}
