package io.harbormaster.api.machine;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a new machine in a team and start creating it with its driver. For a driver that reaches its host over
 * SSH, {@code sshKey} is the key to use (stored in the secret store, never recorded); without one Harbormaster makes
 * the machine its own key, whose public half the API shows. {@code engineOptions} (null for none) say how Docker
 * Engine is set up on a host the driver provisions.
 */
public record CreateMachineCommand(@TargetAggregateIdentifier MachineId machineId, TeamId teamId, MachineName name,
                                   String driver, DriverOptions driverOptions, UserId holder, SshPrivateKey sshKey,
                                   EngineOptions engineOptions) {

    /** Without engine options. */
    public CreateMachineCommand(MachineId machineId, TeamId teamId, MachineName name, String driver,
                                DriverOptions driverOptions, UserId holder, SshPrivateKey sshKey) {
        this(machineId, teamId, name, driver, driverOptions, holder, sshKey, null);
    }

    /** Without a key of the user's. */
    public CreateMachineCommand(MachineId machineId, TeamId teamId, MachineName name, String driver,
                                DriverOptions driverOptions, UserId holder) {
        this(machineId, teamId, name, driver, driverOptions, holder, null, null);
    }
}
