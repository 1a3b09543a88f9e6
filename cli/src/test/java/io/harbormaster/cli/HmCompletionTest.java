package io.harbormaster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.cli.StubServer.Answer;
import io.harbormaster.cli.TeamFixtures.Routes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion scripts, run in real shells: bash (and fish, when installed) source the script hm prints, and a
 * fake {@code hm} on the PATH answers {@code hm __complete KIND} as the real one would.
 */
class HmCompletionTest {

    @TempDir
    static Path directory;

    private static Path bashScript;
    private static Path fishScript;
    private static Path zshScript;

    @BeforeAll
    static void writeScriptsAndAFakeHm() throws IOException {
        var bin = Files.createDirectories(directory.resolve("bin"));
        var hm = bin.resolve("hm");
        Files.writeString(hm, """
                #!/bin/sh
                [ "$1" = __complete ] || exit 2
                case "$2" in
                    machines) printf 'web-1\\nweb-2\\ndb-1\\n' ;;
                    teams) printf 'platform\\nqa\\n' ;;
                    users) printf 'alice\\nbob\\n' ;;
                esac
                """);
        Files.setPosixFilePermissions(hm, PosixFilePermissions.fromString("rwxr-xr-x"));
        bashScript = directory.resolve("hm.bash");
        Files.writeString(bashScript, Hm.run(Map.of(), "completion", "bash").out());
        zshScript = directory.resolve("hm.zsh");
        Files.writeString(zshScript, Hm.run(Map.of(), "completion", "zsh").out());
        fishScript = directory.resolve("hm.fish");
        Files.writeString(fishScript, Hm.run(Map.of(), "completion", "fish").out());
    }

    /** What bash offers for the words typed so far; the last one is the word being completed. */
    private static List<String> bash(String... words) {
        var array = Arrays.stream(words).map(w -> "'" + w + "'").reduce((a, b) -> a + " " + b).orElseThrow();
        return run("bash", "--norc", "--noprofile", "-c", "source \"$1\"; COMP_WORDS=(" + array + "); "
                + "COMP_CWORD=" + (words.length - 1) + "; _hm; printf '%s\\n' \"${COMPREPLY[@]}\"", "bash",
                bashScript.toString());
    }

    /**
     * What zsh's bashcompinit gets from the script: it calls the function in sh emulation (0-based arrays) and
     * filters the words by the prefix itself, so every candidate comes back here.
     */
    private static List<String> zsh(String... words) {
        var array = Arrays.stream(words).map(w -> "'" + w + "'").reduce((a, b) -> a + " " + b).orElseThrow();
        return run("zsh", "-f", "-c", "autoload -U compinit && compinit -u -d \"$2\"; source \"$1\"; "
                + "f() { emulate -L sh; setopt kshglob noshglob braceexpand; COMP_WORDS=(" + array + "); "
                + "COMP_CWORD=" + (words.length - 1) + "; _hm; print -l -- \"${COMPREPLY[@]}\"; }; f",
                "zsh", zshScript.toString(), directory.resolve("zcompdump").toString());
    }

    /** What fish offers for the command line, candidates only. */
    private static List<String> fish(String commandLine) {
        return run("fish", "--no-config", "-c", "source $argv[1]; complete -C $argv[2]", fishScript.toString(),
                commandLine).stream().map(line -> line.split("\t")[0]).toList();
    }

    private static List<String> run(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true);
            process.environment().put("PATH", directory.resolve("bin") + ":" + System.getenv("PATH"));
            var started = process.start();
            var output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(started.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return output.lines().filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean installed(String shell) {
        try {
            return new ProcessBuilder(shell, "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void bashCompletesVerbs() {
        assertThat(bash("hm", "ha")).containsExactly("handoff");
        assertThat(bash("hm", "")).contains("ls", "env", "handoff", "share", "unshare", "history", "audit", "teams",
                "members", "tokens", "completion").doesNotContain("__complete");
        assertThat(bash("hm", "tokens", "")).containsExactly("create", "revoke");
        assertThat(bash("hm", "completion", "")).containsExactly("bash", "zsh", "fish");
        assertThat(bash("hm", "help", "his")).containsExactly("history");
    }

    @Test
    void bashCompletesMachineNamesFromHm() {
        assertThat(bash("hm", "handoff", "")).containsExactly("web-1", "web-2", "db-1");
        assertThat(bash("hm", "handoff", "we")).containsExactly("web-1", "web-2");
        assertThat(bash("hm", "history", "-n", "5", "d")).containsExactly("db-1");
        assertThat(bash("hm", "--server", "http://hm.example", "share", "w")).containsExactly("web-1", "web-2");
        // a verb that does not mark its parameter, found by its label and description
        assertThat(bash("hm", "env", "web-")).containsExactly("web-1", "web-2");
    }

    @Test
    void bashCompletesTheNextParameterAndOptionValues() {
        assertThat(bash("hm", "handoff", "--keep-access", "web-1", "")).containsExactly("alice", "bob");
        assertThat(bash("hm", "audit", "--format", "")).containsExactly("table", "csv", "json");
        assertThat(bash("hm", "audit", "--format", "=", "j")).containsExactly("json");
        assertThat(bash("hm", "audit", "--server", "http://x", "--team", "q")).containsExactly("qa");
        assertThat(bash("hm", "members", "")).containsExactly("platform", "qa");
        assertThat(bash("hm", "share", "web-1", "--role", "")).containsExactly("viewer", "member");
        assertThat(bash("hm", "tokens", "create", "")).isEmpty();
    }

    @Test
    void bashCompletesFlags() {
        assertThat(bash("hm", "handoff", "--k")).containsExactly("--keep-access");
        assertThat(bash("hm", "audit", "--s")).containsExactlyInAnyOrder("--server", "--since");
        assertThat(bash("hm", "tokens", "create", "--e")).containsExactly("--expires-in-days");
    }

    @Test
    void zshUsesTheBashScriptThroughBashcompinit() {
        var script = Hm.run(Map.of(), "completion", "zsh").out();
        assertThat(script).startsWith("#compdef hm\n").contains("bashcompinit").contains("complete -F _hm hm");
        assumeTrue(installed("zsh"), "zsh is not installed");

        assertThat(zsh("hm", "tokens", "")).containsExactly("create", "revoke");
        assertThat(zsh("hm", "handoff", "w")).containsExactly("web-1", "web-2", "db-1");
        assertThat(zsh("hm", "handoff", "web-1", "")).containsExactly("alice", "bob");
        assertThat(zsh("hm", "audit", "--team", "")).containsExactly("platform", "qa");
        assertThat(zsh("hm", "audit", "--format", "")).containsExactly("table", "csv", "json");
    }

    @Test
    void anUnknownShellIsRefused() {
        var result = Hm.run(Map.of(), "completion", "tcsh");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("hm writes completion for bash, zsh and fish; got 'tcsh'.\n");
    }

    @Test
    void fishCompletesVerbsFlagsAndMachineNames() {
        assumeTrue(installed("fish"), "fish is not installed");

        assertThat(fish("hm ha")).containsExactly("handoff");
        assertThat(fish("hm tokens ")).containsExactlyInAnyOrder("create", "revoke");
        assertThat(fish("hm handoff ")).containsExactlyInAnyOrder("web-1", "web-2", "db-1");
        assertThat(fish("hm handoff we")).containsExactlyInAnyOrder("web-1", "web-2");
        assertThat(fish("hm handoff web-1 ")).containsExactlyInAnyOrder("alice", "bob");
        assertThat(fish("hm handoff --k")).containsExactly("--keep-access");
        assertThat(fish("hm audit --format ")).containsExactlyInAnyOrder("table", "csv", "json");
        assertThat(fish("hm audit --team ")).containsExactlyInAnyOrder("platform", "qa");
        assertThat(fish("hm env w")).containsExactlyInAnyOrder("web-1", "web-2");
    }

    @Test
    void theHiddenCompleteCommandListsNamesAndStaysQuietOnFailure() {
        try (var server = new StubServer()) {
            server.answer(new Routes()
                    .on("GET /api/machines", Answer.json(MachineJson.page(0, 500, 3,
                            MachineJson.machine("web-1", "generic", "Running", null),
                            MachineJson.machine("db", "generic", "Running", null).replace("\"platform\"", "\"qa\""),
                            MachineJson.machine("db", "generic", "Running", null))))
                    .on("GET /api/teams", Answer.json(TeamFixtures.teams()))
                    .on("GET /api/users", Answer.json(TeamFixtures.users())));
            var env = Map.of("HM_URL", server.url(), "HM_USER", "alice", "HM_PASSWORD", "pw");

            assertThat(Hm.run(env, "__complete", "machines").out()).isEqualTo("web-1\nqa/db\nplatform/db\n");
            assertThat(Hm.run(env, "__complete", "teams").out()).isEqualTo("platform\nqa\n");
            assertThat(Hm.run(env, "__complete", "users").out()).isEqualTo("alice\nbob\ncarol\n");
            server.answer(request -> Answer.problem(401, "{}"));
            var refused = Hm.run(env, "__complete", "machines");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.out() + refused.err()).isEmpty();
        }
        assertThat(Hm.run(Map.of(), "--help").out()).doesNotContain("__complete");
    }
}
