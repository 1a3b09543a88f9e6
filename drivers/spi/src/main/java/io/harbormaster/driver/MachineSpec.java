package io.harbormaster.driver;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;

/** What a driver needs to create a host: the machine's identity and the options it was created with. */
public record MachineSpec(MachineId machineId, TeamId teamId, MachineName name, DriverOptions options) {
}
