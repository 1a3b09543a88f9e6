package io.harbormaster.api.machine;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;

/**
 * A machine made by docker-machine elsewhere was brought into the platform, as it is: its daemon already listens at
 * {@code dockerUrl} with the certificates it has, whose CA and server material the platform now keeps in its secret
 * store ({@code certificates} names them: path, version, fingerprint, serial, never a key). {@code driver} and
 * {@code driverOptions} are the platform's ({@code generic}, or {@code none} for an existing daemon);
 * {@code importedFrom} says what docker-machine had. {@code state} is what the platform knows before it looks
 * ({@link MachineState#Unknown}); the reconciler records what it sees.
 */
public record MachineImported(MachineId machineId, TeamId teamId, MachineName name, String driver,
                              DriverOptions driverOptions, UserId holder, MachineState state,
                              EngineOptions engineOptions, String dockerUrl, MachineCertificates certificates,
                              ImportedFrom importedFrom) {

    public MachineImported {
        engineOptions = engineOptions == null ? EngineOptions.none() : engineOptions;
        state = state == null ? MachineState.Unknown : state;
    }
}
