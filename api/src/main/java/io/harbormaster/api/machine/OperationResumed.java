package io.harbormaster.api.machine;

/**
 * The platform restarted while {@code operation} (a creation, a lifecycle operation, a removal or a certificate
 * renewal, named as {@code CREATE}, {@code START}, ... {@code RENEW_CERTS}) was running on the machine, and carries it
 * out again now; the steps that follow in the history may repeat ones recorded before the restart.
 */
public record OperationResumed(MachineId machineId, String operation) {
}
