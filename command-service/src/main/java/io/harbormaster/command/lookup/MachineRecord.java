package io.harbormaster.command.lookup;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.driver.MachineRef;

/** A machine as the write side records it for its processes; {@code dockerUrl} is null until provisioned. */
public record MachineRecord(MachineId machineId, TeamId teamId, MachineName name, String driver,
                            DriverOptions options, String dockerUrl) {

    /** The machine as its driver addresses it. */
    public MachineRef toRef() {
        return new MachineRef(machineId, name, options, dockerUrl);
    }
}
