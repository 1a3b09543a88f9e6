package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issue a new server certificate for the machine's current addresses (docker-machine's {@code regenerate-certs}).
 * With {@code rotateCa} a new CA is made as well, which cuts off every client certificate issued so far;
 * {@code keyAlgorithm} (only with rotation; null keeps the current one) chooses the new CA's key.
 */
public record RegenerateCertsCommand(@TargetAggregateIdentifier MachineId machineId, boolean rotateCa,
                                     String keyAlgorithm) {
}
