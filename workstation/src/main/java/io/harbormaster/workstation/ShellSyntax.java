package io.harbormaster.workstation;

/**
 * The lines docker-machine's {@code env} prints for each shell (its prefix, delimiter and suffix per shell, and its
 * usage hint), so scripts and habits made for docker-machine keep working with us.
 */
final class ShellSyntax {

    private ShellSyntax() {
    }

    /** The line that sets {@code name}; {@code value} is already escaped for the shell by {@link ShellQuoting}. */
    static String set(Shell shell, String name, String value) {
        return switch (shell) {
            case BASH, ZSH -> "export " + name + "=\"" + value + "\"\n";
            case FISH -> "set -gx " + name + " \"" + value + "\";\n";
            case POWERSHELL -> "$Env:" + name + " = \"" + value + "\"\n";
            case CMD -> "SET " + name + "=" + value + "\n";
            case TCSH -> "setenv " + name + " \"" + value + "\";\n";
            case EMACS -> "(setenv \"" + name + "\" \"" + value + "\")\n";
        };
    }

    /** The line that removes {@code name}; cmd cannot remove a variable, so it sets it to nothing. */
    static String unset(Shell shell, String name) {
        return switch (shell) {
            case BASH, ZSH -> "unset " + name + "\n";
            case FISH -> "set -e " + name + ";\n";
            // Two backslashes, as docker-machine prints them; PowerShell reads Env:\\NAME as Env:\NAME.
            case POWERSHELL -> "Remove-Item Env:\\\\" + name + "\n";
            case CMD -> "SET " + name + "=\n";
            case TCSH -> "unsetenv " + name + ";\n";
            case EMACS -> "(setenv \"" + name + "\" nil)\n";
        };
    }

    /**
     * The two closing comment lines that tell the user how to load the output. The first ends with a space, as
     * docker-machine's does. tcsh's comment is {@code :}, a command that does nothing, because tcsh's
     * {@code eval `…`} joins all lines into one and a {@code #} would not survive that.
     */
    static String usageHint(Shell shell, String commandLine) {
        var comment = switch (shell) {
            case CMD -> "REM";
            case EMACS -> ";;";
            case TCSH -> ":";
            default -> "#";
        };
        var command = switch (shell) {
            case BASH, ZSH -> "eval $(" + commandLine + ")";
            case FISH -> "eval (" + commandLine + ")";
            case POWERSHELL -> "& " + commandLine + " | Invoke-Expression";
            case CMD -> "\t@FOR /f \"tokens=*\" %i IN ('" + commandLine + "') DO @%i";
            // docker-machine leaves the quotes of a quoted program path unescaped here, which breaks the Lisp string.
            case EMACS -> "(with-temp-buffer (shell-command \"" + ShellQuoting.elispString(commandLine)
                    + "\" (current-buffer)) (eval-buffer))";
            case TCSH -> "eval `" + commandLine + "`";
        };
        return comment + " Run this command to configure your shell: \n" + comment + " " + command + "\n";
    }
}
