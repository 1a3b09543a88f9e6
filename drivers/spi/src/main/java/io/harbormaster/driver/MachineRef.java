package io.harbormaster.driver;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;

/**
 * An existing machine as a driver addresses it; {@code dockerUrl} is null until the machine was provisioned.
 * {@code teamId} is the team the machine belongs to, whose cloud credentials a cloud driver uses
 * ({@link DriverContext#cloudCredential}); null only where no team is known (tests of drivers that need none).
 */
public record MachineRef(MachineId machineId, MachineName name, DriverOptions options, String dockerUrl,
                         TeamId teamId) {

    /** A machine whose team the driver does not need. */
    public MachineRef(MachineId machineId, MachineName name, DriverOptions options, String dockerUrl) {
        this(machineId, name, options, dockerUrl, null);
    }
}
