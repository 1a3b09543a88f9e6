package io.harbormaster.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.api.machine.MachineName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the rendered scripts into the real shells the way the usage hint says, then reads the variables back.
 * A shell this machine lacks is skipped with a reason (apt-get install fish tcsh emacs-nox).
 */
class EnvScriptInRealShellsTest {

    private static final MachineName DEV = new MachineName("dev");
    private static final String HOST = "tcp://192.0.2.10:2376";
    /** Spaces, both quotes, a variable, a command substitution, backslashes and a trailing backslash. */
    private static final String NASTY_PATH = "/tmp/hm certs/it's \"dev\" $HOME $(id) `id` a\\b c\\";
    /** What tcsh can carry: no double quote, $, `, ! or braces, no double spaces (see ShellQuoting). */
    private static final String TCSH_PATH = "/tmp/hm certs/it's (dev) a\\b;c|d&e c\\";
    /** One printenv per variable: tcsh's printenv takes a single name. */
    private static final String PRINT = "printenv DOCKER_TLS_VERIFY; printenv DOCKER_HOST; printenv DOCKER_CERT_PATH; "
            + "printenv DOCKER_MACHINE_NAME; printenv NO_PROXY";

    @TempDir
    Path folder;

    @Test
    void bashSetsTheVariablesWithEvalOfTheQuotedOutput() throws IOException {
        requireInstalled("bash");
        var script = script(EnvSettings.forMachine(DEV, HOST, NASTY_PATH).withNoProxy("localhost"), "set.sh");

        var result = run("bash", "-c", "eval \"$(cat \"$SCRIPT\")\"; " + PRINT, script);

        assertThat(result).isEqualTo(expectedValues(NASTY_PATH));
    }

    @Test
    void bashSetsTheVariablesWithDockerMachinesUnquotedEvalToo() throws IOException {
        requireInstalled("bash");
        var script = script(EnvSettings.forMachine(DEV, HOST, NASTY_PATH).withNoProxy("localhost"), "set.sh");

        var result = run("bash", "-c", "eval $(cat \"$SCRIPT\"); " + PRINT, script);

        assertThat(result).isEqualTo(expectedValues(NASTY_PATH));
    }

    @Test
    void bashUnsetsTheVariablesAgain() throws IOException {
        requireInstalled("bash");
        var set = script(EnvSettings.forMachine(DEV, HOST, NASTY_PATH).withNoProxy(""), "set.sh");
        var unset = script(EnvSettings.forUnset().withNoProxy(""), "unset.sh");

        var result = run("bash", "-c", "eval \"$(cat \"$SCRIPT\")\"; eval \"$(cat " + unset + ")\"; "
                + "env | grep -E '^(DOCKER_|NO_PROXY)' || echo none left", set);

        assertThat(result).isEqualTo("none left\n");
    }

    @Test
    void fishSetsAndUnsetsTheVariablesWithEval() throws IOException {
        requireInstalled("fish");
        var set = script(EnvSettings.forMachine(DEV, HOST, NASTY_PATH).withShell(Shell.FISH).withNoProxy("localhost"),
                "set.fish");
        var unset = script(EnvSettings.forUnset().withShell(Shell.FISH).withNoProxy(""), "unset.fish");

        assertThat(run("fish", "-c", "eval (cat $SCRIPT); " + PRINT, set)).isEqualTo(expectedValues(NASTY_PATH));
        assertThat(run("fish", "-c", "eval (cat $SCRIPT); eval (cat " + unset + "); "
                + "env | grep -E '^(DOCKER_|NO_PROXY)'; or echo none left", set)).isEqualTo("none left\n");
    }

    @Test
    void tcshSetsAndUnsetsTheVariablesWithEvalOfBackticks() throws IOException {
        requireInstalled("tcsh");
        var set = script(EnvSettings.forMachine(DEV, HOST, TCSH_PATH).withShell(Shell.TCSH).withNoProxy("localhost"),
                "set.tcsh");
        var unset = script(EnvSettings.forUnset().withShell(Shell.TCSH).withNoProxy(""), "unset.tcsh");

        assertThat(run("tcsh", "-c", "eval `cat $SCRIPT`; " + PRINT, set)).isEqualTo(expectedValues(TCSH_PATH));
        assertThat(run("tcsh", "-c", "eval `cat $SCRIPT`; eval `cat " + unset + "`; "
                + "env | grep -E '^(DOCKER_|NO_PROXY)' || echo none left", set)).isEqualTo("none left\n");
    }

    @Test
    void emacsSetsAndUnsetsTheVariablesWithTheHintsEvalBuffer() throws IOException {
        requireInstalled("emacs");
        var set = script(EnvSettings.forMachine(DEV, HOST, NASTY_PATH).withShell(Shell.EMACS).withNoProxy("localhost"),
                "set.el");
        var unset = script(EnvSettings.forUnset().withShell(Shell.EMACS).withNoProxy(""), "unset.el");
        var load = "(with-temp-buffer (shell-command \"cat %s\" (current-buffer)) (eval-buffer))";
        var print = "(dolist (name '(\"DOCKER_TLS_VERIFY\" \"DOCKER_HOST\" \"DOCKER_CERT_PATH\" \"DOCKER_MACHINE_NAME\" "
                + "\"NO_PROXY\")) (princ (or (getenv name) \"(unset)\")) (terpri))";

        assertThat(run(set, "emacs", "-Q", "--batch", "--eval", "(progn " + load.formatted(set) + print + ")"))
                .isEqualTo(expectedValues(NASTY_PATH));
        assertThat(run(set, "emacs", "-Q", "--batch", "--eval",
                "(progn " + load.formatted(set) + load.formatted(unset) + print + ")"))
                .isEqualTo("(unset)\n".repeat(5));
    }

    private static String expectedValues(String certPath) {
        return "1\n" + HOST + "\n" + certPath + "\ndev\nlocalhost,192.0.2.10\n";
    }

    private Path script(EnvSettings settings, String name) throws IOException {
        return Files.writeString(folder.resolve(name), EnvScript.render(settings));
    }

    private String run(String shell, String option, String command, Path script) {
        return run(script, shell, option, command);
    }

    /** Runs {@code shell} with {@code arguments} and the script's path in {@code $SCRIPT}; returns what it printed. */
    private String run(Path script, String shell, String... arguments) {
        var command = new ArrayList<String>();
        command.add(LocalTools.find(shell).orElseThrow().toString());
        command.addAll(List.of(arguments));
        var result = LocalTools.run(command, Map.of("SCRIPT", script.toString(), "HOME", folder.toString()), folder);
        assertThat(result.exitCode()).as("%s exit code; output:%n%s", shell, result.output()).isZero();
        return result.output();
    }

    private static void requireInstalled(String program) {
        assumeTrue(LocalTools.find(program).isPresent(),
                program + " is not installed on this machine (apt-get install " + program
                        + (program.equals("emacs") ? "-nox" : "") + "): skipping the real-shell check");
    }
}
