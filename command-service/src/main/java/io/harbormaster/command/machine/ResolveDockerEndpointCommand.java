package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask the machine where its Docker daemon listens, on behalf of a user who wants to use it ({@code env},
 * {@code config}). Checked against the same rule as obtaining certificates; appends no event.
 */
public record ResolveDockerEndpointCommand(@TargetAggregateIdentifier MachineId machineId) {
}
