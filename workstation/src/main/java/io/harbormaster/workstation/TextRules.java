package io.harbormaster.workstation;

/** Checks shared by every value that ends up in a script or on a command line. */
final class TextRules {

    private TextRules() {
    }

    /**
     * Refuses line breaks, tabs and other control characters, and unpaired surrogates. A line break would end the
     * shell command early and start another one, so no quoting makes it safe in every shell.
     */
    static void refuseControlCharacters(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " must not contain control characters such as a line break "
                        + "or a tab; found U+%04X at position %d. Remove it and ask again.".formatted((int) c, i + 1));
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1)))) {
                throw new IllegalArgumentException(what + " is not valid Unicode text (an unpaired surrogate at "
                        + "position " + (i + 1) + "). Send it as UTF-8 and ask again.");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
    }
}
