package io.harbormaster.command.machine;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The driver created the host and, where it provisions, provisioned it (sent by the creation process); its Docker
 * daemon listens at {@code dockerUrl}, which only the driver knows once the host exists. {@code certificates}
 * identifies the TLS material the process made for that address (null when none was made), {@code dockerVersion}
 * the Docker Engine version the provisioner verified (null when nothing was provisioned).
 */
public record CompleteCreationCommand(@TargetAggregateIdentifier MachineId machineId, String dockerUrl,
                                      MachineCertificates certificates, String dockerVersion) {

    public CompleteCreationCommand {
        dockerUrl = ControlCharacters.readable(dockerUrl);   // answered by a driver
        dockerVersion = ControlCharacters.readable(dockerVersion);   // answered by the host's engine
    }

    public CompleteCreationCommand(MachineId machineId, String dockerUrl, MachineCertificates certificates) {
        this(machineId, dockerUrl, certificates, null);
    }

    public CompleteCreationCommand(MachineId machineId, String dockerUrl) {
        this(machineId, dockerUrl, null, null);
    }
}
