package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask whether the acting user may see the machine, for command-side reads that answer what the machine's detail
 * answers to (its SSH public key): the same rule as the detail, so outsiders get 404 exactly like for an unknown
 * machine. Appends nothing and answers nothing.
 */
public record RequireMachineVisibleCommand(@TargetAggregateIdentifier MachineId machineId) {
}
