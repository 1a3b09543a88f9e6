package io.harbormaster.command.cert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * One machine's certificate authority: its self-signed certificate and the private key that signs the machine's
 * server and client certificates. Kept in the secret store as PEM ({@link #certificatePem()},
 * {@link #privateKeyPem()}) and brought back with {@link #fromPem}. {@link #toString()} never shows the key.
 */
public record MachineCa(X509Certificate certificate, PrivateKey privateKey) {

    public MachineCa {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /**
     * The CA stored as PEM. Checks that the certificate is a CA and that the key is the one it certifies, so a
     * mixed-up secret fails here rather than as certificates no client trusts.
     */
    public static MachineCa fromPem(String certificatePem, String privateKeyPem) {
        var certificate = Pem.readCertificate(certificatePem);
        var key = Pem.readPrivateKey(privateKeyPem);
        if (certificate.getBasicConstraints() < 0) {
            throw new CertificateAuthorityException("The stored certificate of " + CertificateFacts.subject(certificate)
                    + " is not a CA certificate; the machine's CA certificate (ca.pem) was expected");
        }
        var algorithm = KeyAlgorithm.of(certificate.getPublicKey());
        if (!keyMatches(certificate, key, algorithm)) {
            throw new CertificateAuthorityException("The stored private key does not belong to the CA certificate "
                    + CertificateFacts.subject(certificate) + " (fingerprint "
                    + CertificateFacts.fingerprint(certificate) + "); the two were saved from different CAs. "
                    + "Rotate the machine's CA to make a fresh pair.");
        }
        return new MachineCa(certificate, key);
    }

    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    public String privateKeyPem() {
        return Pem.privateKey(privateKey);
    }

    public KeyAlgorithm algorithm() {
        return KeyAlgorithm.of(certificate.getPublicKey());
    }

    public String fingerprint() {
        return CertificateFacts.fingerprint(certificate);
    }

    public String serial() {
        return CertificateFacts.serial(certificate);
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    @Override
    public String toString() {
        return "MachineCa[subject=" + CertificateFacts.subject(certificate) + ", algorithm=" + algorithm()
                + ", fingerprint=" + fingerprint() + ", notAfter=" + notAfter() + "]";
    }

    private static boolean keyMatches(X509Certificate certificate, PrivateKey key, KeyAlgorithm algorithm) {
        try {
            var probe = "harbormaster key check".getBytes(StandardCharsets.US_ASCII);
            var signer = Signature.getInstance(algorithm.signatureAlgorithm());
            signer.initSign(key);
            signer.update(probe);
            var signature = signer.sign();
            var verifier = Signature.getInstance(algorithm.signatureAlgorithm());
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
