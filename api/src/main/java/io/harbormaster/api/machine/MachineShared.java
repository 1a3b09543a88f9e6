package io.harbormaster.api.machine;

/** A user or team was given access to the machine. */
public record MachineShared(MachineId machineId, Grantee grantee, ShareRole role) {
}
