package io.harbormaster.workstation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The shells {@code env} writes for, named as docker-machine's {@code --shell} flag names them. zsh gets bash's
 * syntax, as in docker-machine. docker-machine treats every other name (sh, ksh) like bash; we refuse them instead, so
 * a typo such as {@code fsh} is not silently answered with bash syntax.
 */
public enum Shell {
    BASH, ZSH, FISH, POWERSHELL, CMD, TCSH, EMACS;

    /** The name as the {@code --shell} flag and the {@code shell} query parameter spell it, e.g. {@code powershell}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The shell named by {@code text}, ignoring case and surrounding blanks. */
    public static Shell parse(String text) {
        var wanted = text == null ? "" : text.strip();
        return Arrays.stream(values())
                .filter(shell -> shell.id().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown shell '" + shorten(wanted) + "'. Use one of: "
                        + Arrays.stream(values()).map(Shell::id).collect(Collectors.joining(", "))
                        + " (for sh or ksh use bash)."));
    }

    private static String shorten(String text) {
        var printable = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() <= 20 ? printable : printable.substring(0, 20) + "…";
    }
}
