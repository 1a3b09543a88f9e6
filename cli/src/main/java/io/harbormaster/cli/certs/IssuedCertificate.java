package io.harbormaster.cli.certs;

import java.time.Instant;

/** The answer of {@code POST /api/machines/{id}/client-certificate}: a fresh client certificate and its CA. */
public record IssuedCertificate(String machineName, String dockerUrl, String caPem, String certPem, String keyPem,
                                String serial, Instant notAfter, String caFingerprint) {

    @Override
    public String toString() {
        return "IssuedCertificate[" + machineName + ", serial=" + serial + ", notAfter=" + notAfter + "]";
    }
}
