package io.harbormaster.api.machine;

/** One provisioning step finished; the UI and CLI show these as progress. */
public record ProvisioningStepCompleted(MachineId machineId, String step, int stepNumber, int totalSteps) {
}
