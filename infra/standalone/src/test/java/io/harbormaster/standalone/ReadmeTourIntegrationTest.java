package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's hm tour, run as written: its one shell block, from the repository's root, in bash with errors fatal,
 * on a terminal (the {@code script} tool gives it one, so {@code hm login} really prompts and reads the answers
 * typed), against the whole platform and a real test host. The only change is the server's address on the first
 * line, because the tests' platform listens on a free port instead of 8080.
 */
class ReadmeTourIntegrationTest {

    private static final String START = "<!-- tour:start -->";
    private static final String END = "<!-- tour:end -->";

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();

    @TempDir
    static Path workspace;

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        platform = RunningPlatform.startOnFreshDatabase();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        // the tour brings its host down at its end; when it stopped before that, this does
        try {
            new ProcessBuilder(ROOT.resolve("infra/testhosts/testhosts").toString(), "down", "try1", "--purge")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (Exception e) {
            throw new IllegalStateException("could not bring the tour's host down", e);
        }
    }

    static String tour(Path readme) throws Exception {
        var text = Files.readString(readme);
        var block = text.substring(text.indexOf(START) + START.length(), text.indexOf(END)).strip();
        assertThat(block).startsWith("```sh\n").endsWith("\n```");
        return block.substring("```sh\n".length(), block.length() - "\n```".length());
    }

    @Test
    void theTourRunsAsWritten() throws Exception {
        var root = ROOT;
        var tour = tour(root.resolve("README.md"));
        assertThat(tour).startsWith("HM=http://localhost:8080\n");
        var script = workspace.resolve("tour.sh");
        Files.writeString(script, "set -euo pipefail\n"
                + tour.replaceFirst("HM=http://localhost:8080", "HM=" + platform.baseUrl()) + "\n");

        var reader = new HmWorkstation(Files.createDirectories(workspace.resolve("reader")));
        // typed at the prompts of hm login: the username, then the password printed on first start
        var run = reader.runIn(root, List.of("script", "-qec", "bash " + script, "/dev/null"),
                "admin\n" + RunningPlatform.ADMIN_PASSWORD + "\n");

        var shown = run.out().replace("\r", "");
        // for a person to read what the tour shows a reader
        Files.writeString(Path.of("target", "readme-tour-output.txt"), shown);
        assertThat(run.exitCode()).as(shown + run.err()).isZero();
        assertThat(shown).contains("Logged in to " + platform.baseUrl() + " as admin",
                "NAME    ACTIVE   DRIVER    STATE     URL", "web-1", "ok\n", "10.213.0.11\n",
                "refused: this shell's certificate was issued before the hand-off", "MachineHandedOff");
        assertThat(platform.jdbc().sql("SELECT count(*) FROM rm_machine").query(Long.class).single()).isZero();
        assertThat(platform.jdbc().sql("SELECT count(*) FROM sec_api_token WHERE revoked_at IS NULL")
                .query(Long.class).single()).isZero();
    }
}
