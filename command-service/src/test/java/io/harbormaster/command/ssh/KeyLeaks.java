package io.harbormaster.command.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Checks that text shown to people (messages, toString) holds no part of a private key. */
final class KeyLeaks {

    private static final int WINDOW = 16;

    private KeyLeaks() {
    }

    /**
     * Fails when {@code shown} contains a PEM header or any 16 characters of the key file's base64 body, except those
     * that are also in {@code publicKey} (an OpenSSH key file holds its public key too, and that may be shown).
     */
    static void assertNoPrivateKey(String shown, String privateKeyText, String publicKey) {
        assertThat(shown).doesNotContain("PRIVATE KEY");
        var body = privateKeyText.lines().filter(line -> !line.startsWith("-----") && !line.contains(":"))
                .reduce("", String::concat);
        assertThat(body).as("the key has a body to look for").hasSizeGreaterThan(WINDOW);
        for (int i = 0; i + WINDOW <= body.length(); i += WINDOW / 2) {
            var window = body.substring(i, i + WINDOW);
            if (!publicKey.contains(window)) {
                assertThat(shown).doesNotContain(window);
            }
        }
    }

    /** The same for an exception's message and those of its causes, and their toString. */
    static void assertNoPrivateKey(Throwable thrown, String privateKeyText, String publicKey) {
        var shown = new ArrayList<String>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            shown.add(String.valueOf(t));
            shown.add(String.valueOf(t.getMessage()));
        }
        assertNoPrivateKey(String.join("\n", shown), privateKeyText, publicKey);
    }

    static void assertNoPrivateKey(List<String> shown, String privateKeyText, String publicKey) {
        assertNoPrivateKey(String.join("\n", shown), privateKeyText, publicKey);
    }
}
