package io.harbormaster.command.cert;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kind of key a machine's CA and every certificate it issues use. Chosen once, when the CA is made.
 */
public enum KeyAlgorithm {

    ECDSA_P256("ecdsa-p256", "SHA256withECDSA"),
    RSA_2048("rsa-2048", "SHA256withRSA"),
    RSA_4096("rsa-4096", "SHA256withRSA");

    public static final KeyAlgorithm DEFAULT = ECDSA_P256;

    private static final String P256 = "secp256r1";

    private final String text;
    private final String signatureAlgorithm;

    KeyAlgorithm(String text, String signatureAlgorithm) {
        this.text = text;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** Reads the user's spelling ({@code ecdsa-p256}, {@code rsa-2048}, {@code rsa-4096}), ignoring case. */
    public static KeyAlgorithm parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCertificateRequestException("No key algorithm given. Choose one of: " + choices() + ".");
        }
        var wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(algorithm -> algorithm.text.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidCertificateRequestException(
                        "Unknown key algorithm '" + text.strip() + "'. Choose one of: " + choices() + "."));
    }

    /** The algorithm of an existing key, e.g. of a CA read back from the secret store. */
    public static KeyAlgorithm of(PublicKey key) {
        if (key instanceof ECPublicKey ec && isP256(ec.getParams())) {
            return ECDSA_P256;
        }
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() == 2048) {
            return RSA_2048;
        }
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() == 4096) {
            return RSA_4096;
        }
        throw new InvalidCertificateRequestException("The key is " + describe(key)
                + ", which Harbormaster does not issue with. Supported: " + choices() + ".");
    }

    /** The spelling users type and see. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    boolean isRsa() {
        return this != ECDSA_P256;
    }

    KeyPair generateKeyPair(SecureRandom random) {
        try {
            var generator = KeyPairGenerator.getInstance(isRsa() ? "RSA" : "EC");
            if (isRsa()) {
                generator.initialize(this == RSA_2048 ? 2048 : 4096, random);
            } else {
                generator.initialize(new ECGenParameterSpec(P256), random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CertificateAuthorityException("This Java runtime cannot make " + text + " keys", e);
        }
    }

    private static boolean isP256(ECParameterSpec params) {
        try {
            var parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(P256));
            var p256 = parameters.getParameterSpec(ECParameterSpec.class);
            return p256.getCurve().equals(params.getCurve())
                    && p256.getGenerator().equals(params.getGenerator())
                    && p256.getOrder().equals(params.getOrder());
        } catch (GeneralSecurityException e) {
            throw new CertificateAuthorityException("This Java runtime does not know the P-256 curve", e);
        }
    }

    private static String describe(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return "EC on a " + ec.getParams().getCurve().getField().getFieldSize() + "-bit curve other than P-256";
        }
        return key.getAlgorithm();
    }

    private static String choices() {
        return Arrays.stream(values())
                .map(algorithm -> algorithm == DEFAULT ? algorithm.text + " (default)" : algorithm.text)
                .collect(Collectors.joining(", "));
    }
}
