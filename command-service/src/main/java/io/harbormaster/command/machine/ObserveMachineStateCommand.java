package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the state the driver reports for the machine (the reconciler's observation). */
public record ObserveMachineStateCommand(@TargetAggregateIdentifier MachineId machineId, MachineState observed) {
}
