package io.harbormaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HmCommandTest {

    @Test
    void versionPrintsTheClientVersionDevWhenNotFromAJar() {
        var result = Hm.run(Map.of(), "version", "--client");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("hm version dev\n");
    }

    @Test
    void withoutAVerbPrintsUsage() {
        var result = Hm.run(Map.of(), new String[0]);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: hm").contains("ls").contains("version");
    }

    @Test
    void anUnknownVerbIsAUsageError_thatSuggestsTheVerbMeant() {
        var result = Hm.run(Map.of(), "inspekt");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Did you mean: hm inspect");
    }

    @Test
    void aRunRegistersOnlyItsOwnVerb_evenAfterTheServerOption() {
        assertThat(HmCommand.verbsFor(new String[] {"--server", "http://h", "env", "web-1"})).containsExactly("env");
        assertThat(HmCommand.verbsFor(new String[] {"ls", "-q"})).containsExactly("ls");
    }

    @Test
    void helpCompletionUnknownWordsAndNoVerbRegisterEveryVerb() {
        for (var args : new String[][] {{}, {"--help"}, {"help", "ls"}, {"completion", "bash"}, {"__complete",
                "machines"}, {"frobnicate"}}) {
            assertThat(HmCommand.verbsFor(args)).as(String.join(" ", args))
                    .containsExactlyElementsOf(HmCommand.VERBS.keySet());
        }
        assertThat(HmCommand.VERBS).containsKeys("login", "logout", "whoami", "ls", "env", "config", "create",
                "ssh", "scp", "inspect", "handoff", "audit", "tokens", "credentials", "completion", "version", "help",
                "import");
    }

    @Test
    void theUsageListsEveryVerb() {
        var usage = Hm.run(Map.of(), "--help").out();

        HmCommand.VERBS.keySet().stream().filter(verb -> !verb.startsWith("__"))
                .forEach(verb -> assertThat(usage).contains("  " + verb));
    }
}
