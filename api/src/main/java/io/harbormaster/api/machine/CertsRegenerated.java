package io.harbormaster.api.machine;

/** New TLS material was made and pushed; holds fingerprints, serials and the secret store reference, never keys. */
public record CertsRegenerated(MachineId machineId, String reason, boolean caRotated, String caFingerprint, String serverSerial, java.time.Instant notAfter, String secretPath, long secretVersion) {
}
