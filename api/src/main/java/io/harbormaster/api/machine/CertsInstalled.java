package io.harbormaster.api.machine;

/** The host's daemon now presents the certificates of {@code secretVersion} (pushed over SSH, daemon restarted). */
public record CertsInstalled(MachineId machineId, long secretVersion) {
}
