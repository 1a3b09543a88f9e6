package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issue a new server certificate for the machine's current addresses (docker-machine's {@code regenerate-certs}).
 * With {@code rotateCa} a new CA is made as well, which cuts off every client certificate issued so far;
 * {@code keyAlgorithm} (only with rotation; null keeps the current one) chooses the new CA's key.
 */
public record RegenerateCertsCommand(@TargetAggregateIdentifier MachineId machineId, boolean rotateCa,
                                     String keyAlgorithm) {

    /** The CA key algorithms the platform makes, by the names users give. */
    public static final java.util.List<String> KEY_ALGORITHMS = java.util.List.of("ecdsa-p256", "rsa-2048", "rsa-4096");
}
