package io.harbormaster.cli.certs;

import java.util.Locale;

/** CA fingerprints compared the way people write them: with or without colons, in either case. */
final class Fingerprints {

    private Fingerprints() {
    }

    static boolean same(String a, String b) {
        return a != null && b != null && normal(a).equals(normal(b));
    }

    private static String normal(String fingerprint) {
        return fingerprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
    }
}
