package io.harbormaster.api.machine;

import java.time.Instant;
import java.util.List;

/**
 * The certificate a machine's Docker daemon presents, as its latest {@link CertsRegenerated} (or import) recorded it.
 *
 * @param fingerprint SHA-256 of the certificate's DER, colon-separated upper-case hex like the CA fingerprint; null
 *                    for certificates made before the platform recorded it (regenerate the certificates to see it)
 * @param serial      the serial number in hex
 * @param notAfter    when it expires; the platform renews it before that
 * @param names       the subject alternative names: the addresses and names clients may reach the daemon by
 * @param keyAlgorithm {@code ecdsa-p256}, {@code rsa-2048} or {@code rsa-4096}
 */
public record ServerCertificate(String fingerprint, String serial, Instant notAfter, List<String> names,
                                String keyAlgorithm) {

    public ServerCertificate {
        names = names == null ? List.of() : List.copyOf(names);
    }
}
