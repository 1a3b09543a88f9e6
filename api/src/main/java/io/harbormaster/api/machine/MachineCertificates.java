package io.harbormaster.api.machine;

import java.time.Instant;
import java.util.List;

/**
 * What identifies a machine's stored TLS material, as the certificate authority reports it after making or
 * renewing it: no key, only fingerprints, serials, validity, names and the secret store reference.
 *
 * @param serverFingerprint the server certificate's SHA-256 fingerprint (the CA fingerprint's format); null when the
 *                          material has no server certificate or was recorded before the fingerprint was
 */
public record MachineCertificates(boolean caRotated, String caFingerprint, String serverSerial, Instant notAfter,
                                  String secretPath, long secretVersion, String keyAlgorithm,
                                  List<String> serverNames, String serverFingerprint) {

    public MachineCertificates {
        serverNames = serverNames == null ? List.of() : List.copyOf(serverNames);
    }

    /** Without the server certificate's fingerprint, as events stored before it was recorded. */
    public MachineCertificates(boolean caRotated, String caFingerprint, String serverSerial, Instant notAfter,
                               String secretPath, long secretVersion, String keyAlgorithm, List<String> serverNames) {
        this(caRotated, caFingerprint, serverSerial, notAfter, secretPath, secretVersion, keyAlgorithm, serverNames,
                null);
    }

    /** The material that {@code event} recorded. */
    public static MachineCertificates of(CertsRegenerated event) {
        return new MachineCertificates(event.caRotated(), event.caFingerprint(), event.serverSerial(),
                event.notAfter(), event.secretPath(), event.secretVersion(), event.keyAlgorithm(),
                event.serverNames(), event.serverFingerprint());
    }

    public CertsRegenerated regenerated(MachineId machineId, String reason) {
        return new CertsRegenerated(machineId, reason, caRotated, caFingerprint, serverSerial, notAfter, secretPath,
                secretVersion, keyAlgorithm, serverNames, serverFingerprint);
    }

    /** What the machine page and {@code hm inspect} show of the server certificate: no secret store reference. */
    public ServerCertificate serverCertificate() {
        return new ServerCertificate(serverFingerprint, serverSerial, notAfter, serverNames, keyAlgorithm);
    }
}
