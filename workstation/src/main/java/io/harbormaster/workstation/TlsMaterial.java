package io.harbormaster.workstation;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The three PEM files a workstation needs to talk TLS to a machine's daemon: the machine CA's certificate, the user's
 * client certificate and its private key, under docker's file names {@code ca.pem}, {@code cert.pem} and
 * {@code key.pem}. {@link #toString()} shows sizes only, never PEM text.
 */
public record TlsMaterial(String caPem, String certPem, String keyPem) {

    public TlsMaterial {
        requirePem(caPem, "ca.pem", "CERTIFICATE");
        requirePem(certPem, "cert.pem", "CERTIFICATE");
        requirePem(keyPem, "key.pem", "PRIVATE KEY");
        // The Docker client refuses encrypted keys ("support for encrypted private keys has been removed").
        if (keyPem.contains("ENCRYPTED")) {
            throw new IllegalArgumentException("key.pem is an encrypted private key, which the Docker client cannot "
                    + "load. Issue the client certificate with an unencrypted key.");
        }
    }

    byte[] ca() {
        return caPem.getBytes(StandardCharsets.UTF_8);
    }

    byte[] cert() {
        return certPem.getBytes(StandardCharsets.UTF_8);
    }

    byte[] key() {
        return keyPem.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TlsMaterial[ca.pem=" + caPem.length() + " chars, cert.pem=" + certPem.length()
                + " chars, key.pem=(hidden)]";
    }

    private static void requirePem(String pem, String file, String kind) {
        Objects.requireNonNull(pem, file);
        if (!pem.contains("-----BEGIN ") || !pem.contains(kind + "-----") || !pem.contains("-----END ")) {
            throw new IllegalArgumentException(file + " must be PEM text holding a " + kind.toLowerCase(Locale.ROOT)
                    + " (-----BEGIN …" + kind + "-----); the text given is not.");
        }
    }
}
