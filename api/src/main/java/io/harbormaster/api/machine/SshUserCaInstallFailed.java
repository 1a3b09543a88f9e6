package io.harbormaster.api.machine;

/**
 * The host's sshd could not be made to trust the machine's SSH user CA; {@code reason} says why and what to do. The
 * host's sshd configuration was left as it was. Docker Engine is not affected: provisioning and certificate
 * installs go on without it.
 */
public record SshUserCaInstallFailed(MachineId machineId, String caFingerprint, String reason) {
}
