package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.OperationResumed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the recovery process before it carries out again an operation a restart cut off, so the history says why
 * the steps that follow repeat: the machine records {@link OperationResumed}.
 */
public record RecordResumptionCommand(@TargetAggregateIdentifier MachineId machineId, String operation) {
}
