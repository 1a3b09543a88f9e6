package io.harbormaster.command.cert;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The one way serials and fingerprints are written everywhere in Harbormaster: a serial as lowercase hex padded to
 * 32 digits, a fingerprint as the SHA-256 of the DER in colon-separated uppercase hex, exactly as
 * {@code openssl x509 -fingerprint -sha256} prints it, so users can compare the two by eye.
 */
final class CertificateFacts {

    private static final HexFormat FINGERPRINT = HexFormat.ofDelimiter(":").withUpperCase();

    private CertificateFacts() {
    }

    /** A positive serial with 128 random bits, as RFC 5280 asks (at most 20 octets, never zero or negative). */
    static BigInteger newSerial(SecureRandom random) {
        var bytes = new byte[16];
        BigInteger serial;
        do {
            random.nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }

    static String serial(X509Certificate certificate) {
        return String.format("%032x", certificate.getSerialNumber());
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return FINGERPRINT.formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new CertificateAuthorityException("Cannot compute the fingerprint of " + subject(certificate), e);
        }
    }

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
