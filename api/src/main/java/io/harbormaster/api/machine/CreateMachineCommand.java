package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;

/** Register a new machine in a team and start creating it with its driver. */
public record CreateMachineCommand(@TargetAggregateIdentifier MachineId machineId, TeamId teamId, MachineName name, String driver, DriverOptions driverOptions, UserId holder) {
}
