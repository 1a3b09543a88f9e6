package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A user pins the host key they checked on the host itself ({@code ssh-keygen -lf}), after the host was rebuilt or
 * its host keys were regenerated on purpose: from then on only that key is accepted.
 */
public record PinHostKeyCommand(@TargetAggregateIdentifier MachineId machineId, String keyType, String fingerprint) {
}
