package io.harbormaster.command.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The host's facts come back from one command, each section whole, whatever the files hold. */
class HostFactsTest {

    @Test
    void theScriptRunByARealShell_answersThisMachinesFiles() throws Exception {
        var boundary = HostFacts.newBoundary();
        var process = new ProcessBuilder("sh", "-c", HostFacts.script(boundary)).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        var facts = HostFacts.parse(output, boundary).orElseThrow();

        assertThat(facts.osRelease()).contains(Files.readString(Path.of("/etc/os-release")));
        assertThat(facts.systemd()).isEqualTo(Files.isDirectory(Path.of("/run/systemd/system")));
        var daemonJson = Path.of("/etc/docker/daemon.json");
        assertThat(facts.daemonJson()).isEqualTo(Files.isRegularFile(daemonJson)
                ? java.util.Optional.of(Files.readString(daemonJson)) : java.util.Optional.empty());
    }

    @Test
    void missingFilesAndTools_areEmptyAndFalse() {
        var boundary = HostFacts.newBoundary();
        var output = "\n" + boundary + "\n\n" + boundary + "\n";

        var facts = HostFacts.parse(output, boundary).orElseThrow();

        assertThat(facts.osRelease()).isEmpty();
        assertThat(facts.dockerd()).isFalse();
        assertThat(facts.systemd()).isFalse();
        assertThat(facts.daemonJson()).isEmpty();
    }

    @Test
    void aFileWithoutItsLastNewline_orWithAnotherBoundary_staysWhole() {
        var boundary = HostFacts.newBoundary();
        var daemonJson = "{\"note\": \"harbormaster-facts-00000000-0000-0000-0000-000000000000\"}";
        var output = "present\nID=debian\n\n" + boundary + "\ndockerd\n\n" + boundary + "\npresent\n" + daemonJson;

        var facts = HostFacts.parse(output, boundary).orElseThrow();

        assertThat(facts.osRelease()).contains("ID=debian\n");
        assertThat(facts.dockerd()).isTrue();
        assertThat(facts.systemd()).isFalse();
        assertThat(facts.daemonJson()).contains(daemonJson);
    }

    @Test
    void anAnswerCutShort_isNoAnswer() {
        var boundary = HostFacts.newBoundary();

        assertThat(HostFacts.parse("present\nID=debian\n\n" + boundary + "\ndockerd\n", boundary)).isEmpty();
    }
}
