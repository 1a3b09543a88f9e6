package io.harbormaster.web.machine;

import io.harbormaster.api.machine.MachineFilter;

/**
 * Turns what a person typed into the filter field into a whole-name regular expression that finds names
 * <em>containing</em> the text literally. {@code Pattern.quote} is no use here: its {@code \Q...\E} is Java-only and
 * the expression runs in PostgreSQL. A backslash before a non-alphanumeric character means that character literally
 * both in Java and in PostgreSQL's advanced regular expressions, so every metacharacter gets one.
 */
final class NameFilter {

    private static final String METACHARACTERS = "\\.^$|?*+()[]{}";

    /** Leaves room for the {@code .*} on both sides and worst-case escaping within {@link MachineFilter#MAX_REGEX_LENGTH}. */
    static final int MAX_TEXT_LENGTH = (MachineFilter.MAX_REGEX_LENGTH - 4) / 2;

    private NameFilter() {
    }

    /** The filter for the typed text; blank text means every machine. */
    static MachineFilter containing(String text) {
        if (text == null || text.isBlank()) {
            return MachineFilter.any();
        }
        return new MachineFilter(null, null, null, null, ".*" + escape(text.strip()) + ".*");
    }

    static String escape(String text) {
        var escaped = new StringBuilder(text.length() * 2);
        text.chars().forEach(c -> {
            if (METACHARACTERS.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append((char) c);
        });
        return escaped.toString();
    }
}
