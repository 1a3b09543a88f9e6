package io.harbormaster.workstation.dockermachine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One PEM file of a docker-machine store, read with the JDK alone (the CLI carries no crypto library): a certificate,
 * or a private key as docker-machine writes it (PKCS#1 {@code RSA PRIVATE KEY}) or as PKCS#8 {@code PRIVATE KEY}.
 * Messages name the file ({@code label}, such as {@code server.pem}) and never quote its content.
 */
final class PemFile {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\R(.*?)-----END \\1-----", Pattern.DOTALL);
    /** rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters, the AlgorithmIdentifier of a PKCS#8 RSA key. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemFile() {
    }

    /** The first certificate in {@code text}. */
    static X509Certificate certificate(String label, String text) {
        var block = firstBlock(label, text, "a certificate");
        if (!block.type().equals("CERTIFICATE")) {
            throw new UnreadableMachineException(label + " holds a " + block.type().toLowerCase(java.util.Locale.ROOT)
                    + " where a certificate was expected");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(block.der()));
        } catch (CertificateException | ClassCastException e) {
            throw new UnreadableMachineException(label + " is not a valid X.509 certificate (damaged or cut short)");
        }
    }

    /** The first private key in {@code text}; an encrypted one is refused, since nothing could use it unattended. */
    static PrivateKey privateKey(String label, String text) {
        var block = firstBlock(label, text, "a private key");
        if (block.encrypted() || block.type().equals("ENCRYPTED PRIVATE KEY")) {
            throw new UnreadableMachineException(label + " is encrypted with a passphrase; docker-machine never "
                    + "writes it so, and the platform could not use it");
        }
        byte[] pkcs8 = switch (block.type()) {
            case "RSA PRIVATE KEY" -> pkcs8OfPkcs1(block.der());
            case "PRIVATE KEY" -> block.der();
            case "EC PRIVATE KEY" -> throw new UnreadableMachineException(label + " is an EC key in SEC1 form, which "
                    + "docker-machine does not write; convert it with openssl pkcs8 -topk8 -nocrypt");
            default -> throw new UnreadableMachineException(label + " holds a "
                    + block.type().toLowerCase(java.util.Locale.ROOT) + " where a private key was expected");
        };
        for (var algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // not this algorithm; the next one, or the refusal below
            }
        }
        throw new UnreadableMachineException(label + " is not a readable RSA, EC or Ed25519 private key (damaged or "
                + "cut short)");
    }

    private static Block firstBlock(String label, String text, String expected) {
        if (text == null || text.isBlank()) {
            throw new UnreadableMachineException(label + " is empty; " + expected + " was expected");
        }
        var matcher = BLOCK.matcher(text);
        if (!matcher.find()) {
            throw new UnreadableMachineException(label + " is not PEM text (no complete BEGIN/END block); "
                    + expected + " was expected");
        }
        var body = matcher.group(2);
        var encrypted = body.contains("Proc-Type: 4,ENCRYPTED");
        var base64 = new StringBuilder();
        for (var line : body.split("\\R")) {
            if (!line.contains(":")) {
                base64.append(line.strip());
            }
        }
        try {
            return new Block(matcher.group(1), Base64.getDecoder().decode(base64.toString()), encrypted);
        } catch (IllegalArgumentException e) {
            throw new UnreadableMachineException(label + " is damaged: its PEM block is not base64");
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey into PKCS#8 PrivateKeyInfo {0, rsaEncryption, OCTET STRING}, as DER. */
    private static byte[] pkcs8OfPkcs1(byte[] pkcs1) {
        var octets = tagged(0x04, pkcs1);
        var content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00});
        content.writeBytes(RSA_ALGORITHM);
        content.writeBytes(octets);
        return tagged(0x30, content.toByteArray());
    }

    private static byte[] tagged(int tag, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.write(tag);
        var length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            var bytes = java.math.BigInteger.valueOf(length).toByteArray();
            var start = bytes[0] == 0 ? 1 : 0;
            out.write(0x80 | (bytes.length - start));
            out.write(bytes, start, bytes.length - start);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Whether {@code text} looks like a private key file at all, for the SSH key (OpenSSH or PEM). */
    static boolean looksLikePrivateKey(String text) {
        return text != null && BLOCK.matcher(text).find() && text.contains("PRIVATE KEY-----");
    }

    /** An OpenSSH key ({@code openssh-key-v1}) protected by a passphrase: its cipher is not {@code none}. */
    static boolean isEncryptedOpenSshKey(String text) {
        var matcher = BLOCK.matcher(text);
        if (!matcher.find() || !matcher.group(1).equals("OPENSSH PRIVATE KEY")) {
            return false;
        }
        try {
            var der = Base64.getMimeDecoder().decode(matcher.group(2).getBytes(StandardCharsets.US_ASCII));
            var magic = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
            if (der.length < magic.length + 4) {
                return false;
            }
            var at = magic.length;
            var length = ((der[at] & 0xff) << 24) | ((der[at + 1] & 0xff) << 16) | ((der[at + 2] & 0xff) << 8)
                    | (der[at + 3] & 0xff);
            if (length < 0 || at + 4 + length > der.length) {
                return false;
            }
            return !new String(der, at + 4, length, StandardCharsets.US_ASCII).equals("none");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private record Block(String type, byte[] der, boolean encrypted) {
    }
}
