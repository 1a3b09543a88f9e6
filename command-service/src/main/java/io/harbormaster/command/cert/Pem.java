package io.harbormaster.command.cert;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM text in and out. Writes certificates as {@code CERTIFICATE} and private keys as PKCS#8 {@code PRIVATE KEY},
 * which OpenSSL, Java and Go's {@code tls.LoadX509KeyPair} (so dockerd and the docker CLI) all read. Reads those
 * back, and also the older {@code EC PRIVATE KEY} and {@code RSA PRIVATE KEY} blocks (docker-machine wrote the
 * latter), so existing CAs can be brought in. Error messages never repeat the text they were given.
 */
public final class Pem {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    public static String certificate(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new CertificateAuthorityException(
                    "Cannot encode the certificate of " + CertificateFacts.subject(certificate), e);
        }
    }

    public static String privateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new CertificateAuthorityException("A " + key.getAlgorithm() + " private key that cannot be "
                    + "exported as PKCS#8 (format " + key.getFormat() + ") cannot be written as PEM");
        }
        return block("PRIVATE KEY", key.getEncoded());
    }

    /** The first certificate in {@code pem}. */
    public static X509Certificate readCertificate(String pem) {
        var object = readObject(pem, "certificate");
        if (!(object instanceof X509CertificateHolder holder)) {
            throw new CertificateAuthorityException("Expected a PEM CERTIFICATE block but found " + describe(object)
                    + "; check which value was stored");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new CertificateAuthorityException("The PEM certificate is not a valid X.509 certificate", e);
        }
    }

    /** The first private key in {@code pem}: PKCS#8, or a traditional EC or RSA block; never an encrypted one. */
    public static PrivateKey readPrivateKey(String pem) {
        var object = readObject(pem, "private key");
        var info = switch (object) {
            case PrivateKeyInfo pkcs8 -> pkcs8;
            case PEMKeyPair traditional -> traditional.getPrivateKeyInfo();
            case PKCS8EncryptedPrivateKeyInfo ignored -> throw encrypted();
            case PEMEncryptedKeyPair ignored -> throw encrypted();
            default -> throw new CertificateAuthorityException("Expected a PEM private key block but found "
                    + describe(object) + "; check which value was stored");
        };
        var oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        String algorithm;
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            algorithm = "EC";
        } else if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            algorithm = "RSA";
        } else {
            throw new CertificateAuthorityException("The private key uses algorithm " + oid.getId()
                    + "; only EC and RSA keys are supported");
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            // The cause could quote key bytes, so it is left out on purpose.
            throw new CertificateAuthorityException("The " + algorithm + " private key in the PEM is damaged");
        }
    }

    private static Object readObject(String pem, String what) {
        if (pem == null || pem.isBlank()) {
            throw new CertificateAuthorityException("No PEM text was given for the " + what);
        }
        try (var parser = new PEMParser(new StringReader(pem))) {
            var object = parser.readObject();
            if (object == null) {
                throw new CertificateAuthorityException("The text given for the " + what + " holds no PEM block");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            if (e instanceof CertificateAuthorityException known) {
                throw known;
            }
            // Parser messages may quote the damaged text, which can be key material: say what failed, not why.
            throw new CertificateAuthorityException("The PEM text given for the " + what + " is damaged and "
                    + "cannot be read; check that the whole value was stored, BEGIN and END lines included");
        }
    }

    private static CertificateAuthorityException encrypted() {
        return new CertificateAuthorityException(
                "The private key is encrypted; store it unencrypted (the secret store protects it) and try again");
    }

    private static String describe(Object object) {
        return switch (object) {
            case X509CertificateHolder ignored -> "a certificate";
            case PrivateKeyInfo ignored -> "a private key";
            case PEMKeyPair ignored -> "a private key";
            default -> "a " + object.getClass().getSimpleName();
        };
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
