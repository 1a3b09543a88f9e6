package io.harbormaster.api.machine;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;

/**
 * A machine was registered in a team; its driver now creates the host. {@code engineOptions} were added later:
 * a creation stored before them reads with none.
 */
public record MachineCreated(MachineId machineId, TeamId teamId, MachineName name, String driver,
                             DriverOptions driverOptions, UserId holder, EngineOptions engineOptions) {

    public MachineCreated {
        engineOptions = engineOptions == null ? EngineOptions.none() : engineOptions;
    }

    /** Without engine options. */
    public MachineCreated(MachineId machineId, TeamId teamId, MachineName name, String driver,
                          DriverOptions driverOptions, UserId holder) {
        this(machineId, teamId, name, driver, driverOptions, holder, null);
    }
}
