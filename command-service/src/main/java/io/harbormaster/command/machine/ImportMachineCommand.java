package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.SshPrivateKey;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.workstation.dockermachine.DockerMachineEngine;
import java.util.Map;

/**
 * Bring a machine of a docker-machine store into a team, held by {@code holder}, as docker-machine describes it:
 * its driver and driver settings, engine options, TLS material and (for a generic machine) SSH key. The handler makes
 * its own plan from these and checks everything; with {@code dryRun} it stops there and writes nothing.
 * {@code workstation} and {@code storePath} say where it came from, for the audit.
 */
public record ImportMachineCommand(MachineId machineId, TeamId teamId, MachineName name, UserId holder,
                                   String dockerMachineDriver, Map<String, String> driverSettings,
                                   DockerMachineEngine engine, ImportedTls tls, SshPrivateKey sshKey,
                                   String workstation, String storePath, boolean dryRun) {

    public ImportMachineCommand {
        driverSettings = driverSettings == null ? Map.of() : driverSettings;
        engine = engine == null ? DockerMachineEngine.none() : engine;
    }
}
