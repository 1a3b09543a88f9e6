package io.harbormaster.command.secret.sealed;

import io.harbormaster.command.secret.SecretPath;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for one row of the sealed store: a fresh 96-bit random nonce per seal, a 128-bit tag, and the row's
 * path and version as additional authenticated data, so ciphertext copied to another path or version fails to open.
 * Random nonces are safe here: the number of writes under one key stays far below the 2^32 that GCM allows.
 */
final class SealedBox {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final byte[] AAD_LABEL = "harbormaster/sealed-secret/v1\0".getBytes(StandardCharsets.UTF_8);

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SealedBox(SecretKey key) {
        this.key = key;
    }

    /** Nonce and ciphertext (tag appended) of {@code plaintext} for the row {@code path}, {@code version}. */
    Sealed seal(SecretPath path, long version, byte[] plaintext) {
        var nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            var cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(path, version));
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** The plaintext of a row; {@link AEADBadTagException} when the row was altered, moved or sealed otherwise. */
    byte[] open(SecretPath path, long version, byte[] nonce, byte[] ciphertext) throws AEADBadTagException {
        try {
            var cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(path, version));
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            // A nonce of the wrong size or a truncated ciphertext: as untrustworthy as a bad tag.
            var bad = new AEADBadTagException("row cannot be opened: " + e.getClass().getSimpleName());
            bad.initCause(e);
            throw bad;
        }
    }

    private static byte[] associatedData(SecretPath path, long version) {
        var pathBytes = path.value().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(AAD_LABEL.length + pathBytes.length + 1 + Long.BYTES)
                .put(AAD_LABEL).put(pathBytes).put((byte) 0).putLong(version)
                .array();
    }

    /** What the sealed store keeps of a value: the nonce and the ciphertext with its tag. */
    record Sealed(byte[] nonce, byte[] ciphertext) {
    }
}
