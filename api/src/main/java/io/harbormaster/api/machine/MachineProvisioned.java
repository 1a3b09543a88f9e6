package io.harbormaster.api.machine;

/** The host runs Docker Engine with TLS (or, for the none driver, needed no provisioning); the machine is running. */
public record MachineProvisioned(MachineId machineId, String dockerUrl) {
}
