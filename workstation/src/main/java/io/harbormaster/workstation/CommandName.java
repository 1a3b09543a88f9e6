package io.harbormaster.workstation;

import java.util.regex.Pattern;

/**
 * The program a usage hint tells the user to run. It is printed inside shell syntax (tcsh even evaluates the hint
 * line's arguments), so only the characters of ordinary program paths are allowed, Windows ones included.
 */
final class CommandName {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9 _./:\\\\()+~-]{1,200}");

    private CommandName() {
    }

    static String check(String name) {
        if (name == null || !ALLOWED.matcher(name).matches() || name.isBlank()) {
            throw new IllegalArgumentException("The command name must be a program name or path of at most 200 "
                    + "letters, digits, spaces and _ . / : \\ ( ) + ~ -, like hm or C:\\Program Files\\hm.exe.");
        }
        return name;
    }

    /** The name as docker-machine prints its own path: in double quotes when it has a space or a backslash. */
    static String asTyped(String name) {
        return name.contains(" ") || name.contains("\\") ? "\"" + name + "\"" : name;
    }
}
