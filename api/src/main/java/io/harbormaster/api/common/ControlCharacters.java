package io.harbormaster.api.common;

/**
 * Control characters (U+0000–U+001F, U+007F) in text. PostgreSQL refuses NUL in text and JSON columns, and the other
 * control characters garble logs, CSV exports and terminals, so the API refuses them in what people type and the
 * platform replaces them in what hosts answer (command output, os-release, engine versions) before it is recorded.
 */
public final class ControlCharacters {

    /** Tab, line feed and carriage return: allowed only where a field says so (a key in PEM or OpenSSH form). */
    public static final String LINE_BREAKS_AND_TABS = "\t\n\r";

    private ControlCharacters() {
    }

    /** The index of the first control character of {@code text} not in {@code allowed}, or -1 (also for null). */
    public static int first(String text, String allowed) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c == 0x7F) && allowed.indexOf(c) < 0) {
                return i;
            }
        }
        return -1;
    }

    /** What an API answer says about a refused value, e.g. {@code must not contain control characters (U+0000 at 3)}. */
    public static String refusal(String text, int index) {
        return "must not contain control characters (found U+%04X at position %d)".formatted((int) text.charAt(index),
                index + 1);
    }

    /**
     * Text from a host made fit to record: line breaks and tabs become spaces, every other control character the
     * replacement character U+FFFD, so the reason stays readable and nothing is silently lost. Null stays null.
     */
    public static String readable(String text) {
        if (text == null || first(text, "") < 0) {
            return text;
        }
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                out.append(' ');
            } else if (c < 0x20 || c == 0x7F) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
