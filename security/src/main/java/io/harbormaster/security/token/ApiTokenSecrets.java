package io.harbormaster.security.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and hashes personal API tokens: {@code hm_} and 32 random bytes (256 bits) in base64url.
 *
 * <p>Why a plain SHA-256 and not bcrypt like passwords: slow hashes protect low-entropy secrets people choose from a
 * dictionary attack on a stolen table. A 256-bit random secret has no dictionary; reversing its SHA-256 is
 * infeasible, so a fast hash loses nothing and lets a request be authenticated by one indexed lookup. Looking up by
 * hash is also what makes the comparison safe against timing: the database compares hashes, and learning how many
 * leading characters of a hash matched reveals nothing about any secret.
 */
final class ApiTokenSecrets {

    static final String PREFIX = "hm_";
    private static final int SECRET_BYTES = 32;
    /** Longer than any token we issue; anything longer is refused before hashing. */
    static final int MAX_LENGTH = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecrets() {
    }

    static String generate() {
        var bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes: what {@code sec_api_token.token_hash} holds. */
    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Whether {@code candidate} looks like one of our tokens at all; others are refused without a lookup. */
    static boolean wellFormed(String candidate) {
        return candidate != null && candidate.startsWith(PREFIX) && candidate.length() <= MAX_LENGTH;
    }
}
