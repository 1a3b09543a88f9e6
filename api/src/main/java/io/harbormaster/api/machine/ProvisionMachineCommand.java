package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Provision the machine's host again (docker-machine's {@code provision}): after a failed provisioning, or to
 * reinstall the daemon's configuration. Makes fresh TLS material, like a creation.
 */
public record ProvisionMachineCommand(@TargetAggregateIdentifier MachineId machineId) {
}
