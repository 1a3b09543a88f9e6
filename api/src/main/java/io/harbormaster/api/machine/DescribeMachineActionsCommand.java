package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Which actions the acting user may take on the machine now: their rights, the driver's abilities and the machine's
 * state decide, exactly as for the actions themselves. Appends nothing; answers {@link MachineActions}. A machine the
 * user may not see is refused as unknown.
 */
public record DescribeMachineActionsCommand(@TargetAggregateIdentifier MachineId machineId) {
}
