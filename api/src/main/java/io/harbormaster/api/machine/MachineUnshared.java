package io.harbormaster.api.machine;

/** A share was taken back. */
public record MachineUnshared(MachineId machineId, Grantee grantee) {
}
