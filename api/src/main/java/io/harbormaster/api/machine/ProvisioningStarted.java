package io.harbormaster.api.machine;

/** The provisioner began installing and configuring Docker Engine on the host. */
public record ProvisioningStarted(MachineId machineId, String os) {
}
