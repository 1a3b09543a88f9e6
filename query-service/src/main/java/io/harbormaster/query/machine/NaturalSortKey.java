package io.harbormaster.query.machine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a machine name into a key whose plain byte order is the natural order people expect: {@code web-2} before
 * {@code web-10}, and case does not matter. Computed in Java and stored, so the database only compares strings.
 */
final class NaturalSortKey {

    static final int DIGITS = 20;
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d+");

    private NaturalSortKey() {
    }

    static String of(String name) {
        Matcher digits = DIGIT_RUN.matcher(name.toLowerCase(Locale.ROOT));
        var key = new StringBuilder(name.length() + DIGITS);
        while (digits.find()) {
            var run = digits.group();
            digits.appendReplacement(key, "0".repeat(Math.max(0, DIGITS - run.length())) + run);
        }
        digits.appendTail(key);
        return key.toString();
    }
}
