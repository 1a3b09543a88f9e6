package io.harbormaster.api.machine;

/** Creating or provisioning the host failed; the machine is in error. */
public record ProvisioningFailed(MachineId machineId, String step, String reason) {
}
