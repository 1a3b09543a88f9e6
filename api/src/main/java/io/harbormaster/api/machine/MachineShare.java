package io.harbormaster.api.machine;

/** A grant of access to a machine, as shown in its detail. */
public record MachineShare(Grantee grantee, String granteeName, ShareRole role) {
}
