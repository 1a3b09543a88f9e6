package io.harbormaster.api.machine;

/** Provisioning the machine's host again was requested; the creation process runs it. */
public record MachineProvisionRequested(MachineId machineId) {
}
