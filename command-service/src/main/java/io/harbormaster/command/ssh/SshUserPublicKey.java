package io.harbormaster.command.ssh;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import net.schmizz.sshj.common.Buffer;

/**
 * A user's SSH public key, as one {@code authorized_keys} line ({@code <type> <base64> [comment]}), to be signed into an
 * {@link OpenSshUserCertificate}. Accepted types: {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256/384/521} and
 * {@code ssh-rsa} of at least {@value PrivateKeyText#MIN_RSA_BITS} bits. Anything else (a private key, a certificate, a
 * security-key or DSA key, options before the type, damaged base64) is refused with an {@link InvalidSshKeyException}
 * that says what was expected.
 */
public final class SshUserPublicKey {

    static final Set<String> TYPES = Set.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "ssh-rsa");
    private static final int MAX_LINE = 16 * 1024;

    private final String type;
    private final byte[] blob;
    private final String comment;
    private final String fingerprint;

    private SshUserPublicKey(String type, byte[] blob, String comment, String fingerprint) {
        this.type = type;
        this.blob = blob;
        this.comment = comment;
        this.fingerprint = fingerprint;
    }

    /** Reads one {@code authorized_keys} line without options, e.g. the content of {@code id_ed25519.pub}. */
    public static SshUserPublicKey parse(String line) {
        if (line == null || line.isBlank()) {
            throw refused("The SSH public key is empty: give the content of your public key file (such as "
                    + "~/.ssh/id_ed25519.pub), which starts with ssh-ed25519 AAAA.");
        }
        if (line.length() > MAX_LINE) {
            throw refused("The SSH public key is longer than " + MAX_LINE + " characters: give one line of your "
                    + "public key file (such as ~/.ssh/id_ed25519.pub).");
        }
        var text = line.strip();
        if (text.contains("PRIVATE KEY")) {
            throw refused("This is a private key; give the public key instead (the file ending in .pub), and keep "
                    + "the private key to yourself.");
        }
        if (text.contains("\n") || text.contains("\r")) {
            throw refused("The SSH public key must be a single line, as in ~/.ssh/id_ed25519.pub.");
        }
        var parts = text.split("[ \t]+", 3);
        var type = parts[0];
        if (type.contains("-cert-v01@openssh.com")) {
            throw refused("This is an SSH certificate; give the plain public key it was made for (such as "
                    + "~/.ssh/id_ed25519.pub).");
        }
        if (!TYPES.contains(type)) {
            throw refused("The SSH public key must start with one of ssh-ed25519, ecdsa-sha2-nistp256, "
                    + "ecdsa-sha2-nistp384, ecdsa-sha2-nistp521 or ssh-rsa, followed by the key in base64 (as in "
                    + "~/.ssh/id_ed25519.pub, without options before it); make one with ssh-keygen -t ed25519.");
        }
        if (parts.length < 2) {
            throw refused("The SSH public key has no key after its type " + type + ".");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw refused("The SSH public key's base64 part is damaged: give the whole line of the .pub file.");
        }
        requireWellFormed(type, blob);
        var comment = parts.length > 2 ? parts[2].strip() : "";
        var key = new SshUserPublicKey(type, blob, comment, null);
        return new SshUserPublicKey(type, blob, comment, key.computeFingerprint());
    }

    private static void requireWellFormed(String type, byte[] blob) {
        java.security.PublicKey key;
        try {
            var reader = new SshWire.Reader(blob);
            var inner = new String(reader.string(), StandardCharsets.US_ASCII);
            if (!inner.equals(type)) {
                throw refused("The SSH public key says it is " + type + " but its content is a " + abbreviate(inner)
                        + " key: give the line of the .pub file unchanged.");
            }
            key = new Buffer.PlainBuffer(blob).readPublicKey();
            var reencoded = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
            if (!Arrays.equals(reencoded, blob)) {
                throw new IllegalArgumentException("not canonical");
            }
        } catch (InvalidSshKeyException e) {
            throw e;
        } catch (Exception e) {
            throw refused("The SSH public key's content is damaged or incomplete: give the whole line of the .pub "
                    + "file, as ssh-keygen wrote it.");
        }
        if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < PrivateKeyText.MIN_RSA_BITS) {
            throw refused("The SSH key is an RSA key of " + rsa.getModulus().bitLength() + " bits, too short to be "
                    + "safe; use at least " + PrivateKeyText.MIN_RSA_BITS + " bits, or better an Ed25519 key: "
                    + "ssh-keygen -t ed25519");
        }
    }

    private static InvalidSshKeyException refused(String message) {
        return new InvalidSshKeyException(message);
    }

    private static String abbreviate(String text) {
        var printable = text.replaceAll("[^\\x21-\\x7e]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }

    /** The key type, such as {@code ssh-ed25519}. */
    public String type() {
        return type;
    }

    /** The certificate type that certifies this key, such as {@code ssh-ed25519-cert-v01@openssh.com}. */
    public String certificateType() {
        return type + "-cert-v01@openssh.com";
    }

    /** The comment after the key, empty when none. */
    public String comment() {
        return comment;
    }

    /** {@code SHA256:…}, as {@code ssh-keygen -lf} prints it. */
    public String fingerprint() {
        return fingerprint;
    }

    /** {@code <type> <base64>} without the comment. */
    public String line() {
        return type + " " + Base64.getEncoder().encodeToString(blob);
    }

    /** The key blob in SSH wire form ({@code string type} then the key's own fields). */
    byte[] blob() {
        return blob.clone();
    }

    /** The key's fields after its type string: what a certificate carries after its nonce. */
    byte[] fieldsAfterType() {
        var reader = new SshWire.Reader(blob);
        reader.string();
        return Arrays.copyOfRange(blob, reader.position(), blob.length);
    }

    private String computeFingerprint() {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshUserPublicKey that && Arrays.equals(blob, that.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return "SshUserPublicKey[" + type + " " + fingerprint + "]";
    }
}
