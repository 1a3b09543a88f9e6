package io.harbormaster.api.machine;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;

/** A machine was registered in a team; its driver now creates the host. */
public record MachineCreated(MachineId machineId, TeamId teamId, MachineName name, String driver, DriverOptions driverOptions, UserId holder) {
}
