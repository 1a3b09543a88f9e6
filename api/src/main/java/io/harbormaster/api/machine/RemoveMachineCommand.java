package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Remove a machine and its host. `force` removes it from the platform even when the driver cannot remove the host. */
public record RemoveMachineCommand(@TargetAggregateIdentifier MachineId machineId, boolean force, @TargetAggregateVersion Long expectedVersion) {
}
