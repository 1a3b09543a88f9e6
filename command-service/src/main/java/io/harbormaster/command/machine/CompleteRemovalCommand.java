package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The driver removed the host (sent by the removal process). */
public record CompleteRemovalCommand(@TargetAggregateIdentifier MachineId machineId) {
}
