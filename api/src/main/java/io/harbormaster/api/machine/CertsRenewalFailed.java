package io.harbormaster.api.machine;

/**
 * New TLS material could not be made or stored; the machine keeps what it had (and a hand-off waiting for it did not
 * happen). {@code retryable}: the secret store was out of reach, so the same request may succeed later.
 */
public record CertsRenewalFailed(MachineId machineId, String reason, boolean retryable) {
}
