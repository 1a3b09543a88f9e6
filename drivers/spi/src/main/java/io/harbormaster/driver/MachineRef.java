package io.harbormaster.driver;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;

/** An existing machine as a driver addresses it; {@code dockerUrl} is null until the machine was provisioned. */
public record MachineRef(MachineId machineId, MachineName name, DriverOptions options, String dockerUrl) {
}
