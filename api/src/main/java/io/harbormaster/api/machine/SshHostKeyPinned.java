package io.harbormaster.api.machine;

/**
 * The host's SSH key, as first seen at {@code address}, is pinned: a different key later is refused. Holds the
 * fingerprint ({@code SHA256:…}, as {@code ssh-keygen -lf} prints it), never a key.
 */
public record SshHostKeyPinned(MachineId machineId, String address, String keyType, String fingerprint) {
}
