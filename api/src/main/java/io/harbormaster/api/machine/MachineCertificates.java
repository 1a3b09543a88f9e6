package io.harbormaster.api.machine;

import java.time.Instant;
import java.util.List;

/**
 * What identifies a machine's stored TLS material, as the certificate authority reports it after making or
 * renewing it: no key, only fingerprints, serials, validity, names and the secret store reference.
 */
public record MachineCertificates(boolean caRotated, String caFingerprint, String serverSerial, Instant notAfter,
                                  String secretPath, long secretVersion, String keyAlgorithm,
                                  List<String> serverNames) {

    public MachineCertificates {
        serverNames = serverNames == null ? List.of() : List.copyOf(serverNames);
    }

    /** The material that {@code event} recorded. */
    public static MachineCertificates of(CertsRegenerated event) {
        return new MachineCertificates(event.caRotated(), event.caFingerprint(), event.serverSerial(),
                event.notAfter(), event.secretPath(), event.secretVersion(), event.keyAlgorithm(),
                event.serverNames());
    }

    public CertsRegenerated regenerated(MachineId machineId, String reason) {
        return new CertsRegenerated(machineId, reason, caRotated, caFingerprint, serverSerial, notAfter, secretPath,
                secretVersion, keyAlgorithm, serverNames);
    }
}
