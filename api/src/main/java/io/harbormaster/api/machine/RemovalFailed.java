package io.harbormaster.api.machine;

/** The driver could not remove the host; the machine stays, in error, until removed with force. */
public record RemovalFailed(MachineId machineId, String reason) {
}
