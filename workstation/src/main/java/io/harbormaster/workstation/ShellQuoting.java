package io.harbormaster.workstation;

/**
 * Escapes a value for the double-quoted (or, for cmd, bare) place docker-machine's {@code env} puts it, so that the
 * shell reads back exactly the given text and runs nothing from it. Where a shell has no safe way to carry a
 * character, the value is refused with a message that names the character; control characters are refused for every
 * shell before this by {@link TextRules}.
 *
 * <ul>
 * <li>bash: {@code "}, {@code $} and {@code `} get a backslash; a backslash is doubled only where it would otherwise
 * escape the next character (before {@code " $ ` \} or at the end). Other backslashes stay single, so a Windows path
 * is printed byte for byte as docker-machine prints it.</li>
 * <li>fish: the same for {@code "}, {@code $} and {@code \}; {@code `} means nothing to fish.</li>
 * <li>powershell: {@code `}, {@code $}, {@code "} and the typographic double quotes PowerShell also ends strings at
 * ({@code “ ” „}) get PowerShell's escape character, the backtick. Backslashes are plain characters.</li>
 * <li>cmd: the value is not quoted (docker-machine writes {@code SET NAME=value}, read through {@code FOR /f}), and
 * cmd has no quoting that survives that; values with {@code " & | < > ^ % !} are refused.</li>
 * <li>tcsh: inside double quotes tcsh still expands {@code $}, {@code `}, {@code !} and braces, and cannot escape
 * {@code "}; its {@code eval `…`} also turns runs of spaces into one. Such values are refused.</li>
 * <li>emacs: a Lisp string, so {@code \} and {@code "} get a backslash. docker-machine printed Windows paths
 * unescaped here, which Emacs misreads; we escape them.</li>
 * </ul>
 */
final class ShellQuoting {

    private static final String CMD_REFUSED = "\"&|<>^%!";
    private static final String TCSH_REFUSED = "\"$`!{}";

    private ShellQuoting() {
    }

    /** {@code value} escaped for {@code shell}; {@code variable} names the value in a refusal. */
    static String escape(Shell shell, String variable, String value) {
        return switch (shell) {
            case BASH, ZSH -> backslashBefore(value, "\"$`");
            case FISH -> backslashBefore(value, "\"$");
            case POWERSHELL -> backtickBefore(value, "`$\"\u201C\u201D\u201E");
            case CMD -> refuseAny(shell, variable, value, CMD_REFUSED, "cmd has no quoting that survives FOR /f");
            case TCSH -> tcsh(variable, value);
            case EMACS -> elispString(value);
        };
    }

    /** {@code text} as the inside of an Emacs Lisp string literal. */
    static String elispString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String backslashBefore(String value, String specials) {
        var out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                boolean escapesNext = i + 1 == value.length() || value.charAt(i + 1) == '\\'
                        || specials.indexOf(value.charAt(i + 1)) >= 0;
                out.append(escapesNext ? "\\\\" : "\\");
            } else {
                if (specials.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String backtickBefore(String value, String specials) {
        var out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (specials.indexOf(c) >= 0) {
                out.append('`');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String tcsh(String variable, String value) {
        int doubleSpace = value.indexOf("  ");
        if (doubleSpace >= 0) {
            throw new IllegalArgumentException(variable + " cannot be written for tcsh: it has two spaces in a row "
                    + "(position " + (doubleSpace + 1) + "), which tcsh's eval `…` turns into one. Choose a value "
                    + "without them or use another shell.");
        }
        return refuseAny(Shell.TCSH, variable, value, TCSH_REFUSED, "tcsh expands it even inside double quotes");
    }

    private static String refuseAny(Shell shell, String variable, String value, String refused, String why) {
        for (int i = 0; i < value.length(); i++) {
            if (refused.indexOf(value.charAt(i)) >= 0) {
                throw new IllegalArgumentException(variable + " cannot be written for " + shell.id() + ": it contains "
                        + "'" + value.charAt(i) + "' (position " + (i + 1) + ") and " + why + ". Choose a value "
                        + "without " + String.join(" ", refused.split("")) + " or use another shell.");
            }
        }
        return value;
    }
}
