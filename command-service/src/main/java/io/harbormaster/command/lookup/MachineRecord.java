package io.harbormaster.command.lookup;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.driver.MachineRef;

/**
 * A machine as the write side records it for its processes; {@code dockerUrl} is null until provisioned,
 * {@code engineOptions} never null.
 */
public record MachineRecord(MachineId machineId, TeamId teamId, MachineName name, String driver,
                            DriverOptions options, String dockerUrl, EngineOptions engineOptions) {

    public MachineRecord {
        engineOptions = engineOptions == null ? EngineOptions.none() : engineOptions;
    }

    /** Without engine options. */
    public MachineRecord(MachineId machineId, TeamId teamId, MachineName name, String driver, DriverOptions options,
                         String dockerUrl) {
        this(machineId, teamId, name, driver, options, dockerUrl, null);
    }

    /** The machine as its driver addresses it. */
    public MachineRef toRef() {
        return new MachineRef(machineId, name, options, dockerUrl, teamId);
    }
}
