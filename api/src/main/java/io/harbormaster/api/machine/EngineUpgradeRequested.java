package io.harbormaster.api.machine;

/**
 * An upgrade of Docker Engine on the host was requested; the process runs it over SSH and verifies the daemon with
 * the machine's current TLS material ({@code certificates}: references only, never keys).
 */
public record EngineUpgradeRequested(MachineId machineId, MachineCertificates certificates) {
}
