package io.harbormaster.api.machine;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;

/** A machine made by docker-machine elsewhere was brought into the platform. */
public record MachineImported(MachineId machineId, TeamId teamId, MachineName name, String driver, DriverOptions driverOptions, UserId holder, MachineState state) {
}
