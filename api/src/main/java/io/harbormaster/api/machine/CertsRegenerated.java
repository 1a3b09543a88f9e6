package io.harbormaster.api.machine;

import java.time.Instant;
import java.util.List;

/**
 * New TLS material was made for the machine and stored: a new server certificate, and with {@code caRotated} a new
 * CA, so client certificates of the old CA no longer verify. Holds what identifies the material (fingerprint,
 * serial, validity, the names the server certificate carries, the secret store path and version), never a key.
 *
 * @param reason why: {@code created}, {@code requested}, {@code handed-off}, {@code ip-changed}
 * @param keyAlgorithm of the CA and its certificates: {@code ecdsa-p256}, {@code rsa-2048}, {@code rsa-4096}
 * @param serverFingerprint the SHA-256 fingerprint of the server certificate, in the CA fingerprint's format; null
 *                          in events stored before it was recorded
 */
public record CertsRegenerated(MachineId machineId, String reason, boolean caRotated, String caFingerprint,
                               String serverSerial, Instant notAfter, String secretPath, long secretVersion,
                               String keyAlgorithm, List<String> serverNames, String serverFingerprint) {

    public CertsRegenerated {
        serverNames = serverNames == null ? List.of() : List.copyOf(serverNames);
    }

    /** Without the server certificate's fingerprint, as events stored before it was recorded. */
    public CertsRegenerated(MachineId machineId, String reason, boolean caRotated, String caFingerprint,
                            String serverSerial, Instant notAfter, String secretPath, long secretVersion,
                            String keyAlgorithm, List<String> serverNames) {
        this(machineId, reason, caRotated, caFingerprint, serverSerial, notAfter, secretPath, secretVersion,
                keyAlgorithm, serverNames, null);
    }
}
