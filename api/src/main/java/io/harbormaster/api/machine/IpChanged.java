package io.harbormaster.api.machine;

/** The machine's address changed (for example after a stop and start in a cloud). */
public record IpChanged(MachineId machineId, String previousAddress, String newAddress) {
}
