package io.harbormaster.command.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/** The SSH wire forms of a public key: its type name, the {@code authorized_keys} line and the SHA256 fingerprint. */
final class SshFingerprints {

    private SshFingerprints() {
    }

    /** The key's SSH type name, such as {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256} or {@code ssh-rsa}. */
    static String type(PublicKey key) {
        return KeyType.fromKey(key).toString();
    }

    /** {@code SHA256:} and the unpadded base64 of the SHA-256 of the key blob, exactly as {@code ssh-keygen -l} prints. */
    static String sha256(PublicKey key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(blob(key));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** {@code <type> <base64 blob>}, one line of an {@code authorized_keys} file. */
    static String authorizedKeysLine(PublicKey key, String comment) {
        var line = type(key) + " " + Base64.getEncoder().encodeToString(blob(key));
        return comment == null || comment.isBlank() ? line : line + " " + comment;
    }

    private static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }
}
