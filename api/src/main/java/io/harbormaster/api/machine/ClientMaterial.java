package io.harbormaster.api.machine;

import java.time.Instant;

/**
 * A freshly issued client certificate with its key and the CA that signed it: the three files of a client bundle.
 * Lives only while the answer to the user is written; {@link #toString()} never shows the PEM text.
 */
public record ClientMaterial(String caPem, String certPem, String keyPem, String serial, Instant notAfter) {

    @Override
    public String toString() {
        return "ClientMaterial[serial=" + serial + ", notAfter=" + notAfter + "]";
    }
}
