package io.harbormaster.command.cert;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * A server or client certificate with its freshly made private key, as a machine's CA issued it. The PEM forms are
 * what goes to the machine ({@code server.pem}, {@code server-key.pem}) or into a client bundle ({@code cert.pem},
 * {@code key.pem}). {@link #toString()} never shows the key.
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {

    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    /** PKCS#8 ({@code PRIVATE KEY}), which Go's {@code tls.LoadX509KeyPair}, OpenSSL and Java all read. */
    public String privateKeyPem() {
        return Pem.privateKey(privateKey);
    }

    public String serial() {
        return CertificateFacts.serial(certificate);
    }

    public String fingerprint() {
        return CertificateFacts.fingerprint(certificate);
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    public String subject() {
        return CertificateFacts.subject(certificate);
    }

    @Override
    public String toString() {
        return "IssuedCertificate[subject=" + subject() + ", serial=" + serial() + ", fingerprint=" + fingerprint()
                + ", notAfter=" + notAfter() + "]";
    }
}
