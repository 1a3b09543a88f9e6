package io.harbormaster.api.machine;

/**
 * The host's sshd trusts the machine's SSH user CA ({@code TrustedUserCAKeys}): Harbormaster may sign user
 * certificates for it from now on. Holds the CA's {@code SHA256:…} fingerprint and the file sshd reads it from on the
 * host, never a key. Recorded when a provisioning or a certificate install made the host trust another CA than the
 * one recorded, or after a failed attempt.
 */
public record SshUserCaInstalled(MachineId machineId, String caFingerprint, String trustedKeysFile) {
}
