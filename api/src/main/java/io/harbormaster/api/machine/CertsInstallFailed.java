package io.harbormaster.api.machine;

/** New certificates could not be installed on the host; the daemon still presents the previous ones. */
public record CertsInstallFailed(MachineId machineId, long secretVersion, String reason) {
}
