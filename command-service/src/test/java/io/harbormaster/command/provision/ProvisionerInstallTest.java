package io.harbormaster.command.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.driver.HostShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install-docker step: a host with dockerd is left alone; a host without it gets Docker Engine from the machine's
 * install URL (docker-machine's {@code --engine-install-url}) rather than the platform's install command.
 */
class ProvisionerInstallTest {

    private final Provisioner provisioner = new Provisioner(null,
            new ProvisioningSettings("platform-install-command", null, null, null, null, null));

    @Test
    void aHostWithDockerd_isLeftAsItIs_whateverTheInstallUrl() {
        var shell = new FakeShell(command -> new HostShell.Result(0, "/usr/sbin/dockerd", ""));

        assertThat(provisioner.installDocker(shell, true, "https://get.docker.com", true)).isFalse();

        assertThat(shell.commands).isEmpty();
    }

    @Test
    void aHostWithoutDockerd_installsFromTheMachinesUrl_notThePlatformsCommand() {
        var installed = new boolean[] {false};
        var shell = new FakeShell(command -> {
            if (command.startsWith("command -v dockerd")) {
                return new HostShell.Result(installed[0] ? 0 : 1, "", "");
            }
            installed[0] = true;
            return new HostShell.Result(0, "", "");
        });

        assertThat(provisioner.installDocker(shell, true, "https://get.docker.com/?channel=stable", false)).isTrue();

        assertThat(shell.commands).hasSize(2);
        assertThat(shell.commands.get(0)).contains("curl -fsSL 'https://get.docker.com/?channel=stable'")
                .contains("wget -qO").contains("sh \"$f\"").doesNotContain("platform-install-command");
    }

    @Test
    void withoutAnInstallUrl_thePlatformsCommandInstalls() {
        var shell = new FakeShell(command -> new HostShell.Result(command.startsWith("command -v") ? 1 : 0, "", ""));

        assertThatThrownBy(() -> provisioner.installDocker(shell, true, null, false))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("still no dockerd");
        assertThat(shell.commands.get(0)).isEqualTo("platform-install-command");
    }

    @Test
    void aFailedInstallFromTheUrl_saysWhichUrl_andWhatToDo() {
        var shell = new FakeShell(command -> new HostShell.Result(command.startsWith("command -v") ? 1 : 22, "",
                "curl: (22) The requested URL returned error: 404"));

        assertThatThrownBy(() -> provisioner.installDocker(shell, false, "https://example.com/missing.sh", false))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("from https://example.com/missing.sh failed (exit 22)")
                .hasMessageContaining("error: 404")
                .hasMessageContaining("an install URL that works there");
        // another user than root installs through sudo
        assertThat(shell.commands.get(0)).startsWith("sudo -n sh -c '");
    }

    /** The command runs the downloaded script with sh, and a quote in the URL cannot break out of it. */
    @Test
    void theInstallCommandRunsTheDownloadedScript_andQuotesTheUrl(@TempDir Path dir) throws Exception {
        var script = dir.resolve("install.sh");
        Files.writeString(script, "touch '" + dir.resolve("installed") + "'\n");
        var url = "http://127.0.0.1:1/x'$(touch " + dir.resolve("escaped") + ")'";
        // a curl that records the URL it was given and "downloads" the script to the -o file
        var bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("curl"), "#!/bin/sh\nprintf '%s' \"$2\" > '" + dir.resolve("url")
                + "'\ncp '" + script + "' \"$4\"\n");
        assertThat(bin.resolve("curl").toFile().setExecutable(true)).isTrue();

        var process = new ProcessBuilder("sh", "-c", "PATH='" + bin + "':$PATH; " + Provisioner.installFromUrl(url))
                .redirectErrorStream(true).start();

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
        assertThat(dir.resolve("installed")).exists();
        assertThat(dir.resolve("escaped")).doesNotExist();
        assertThat(Files.readString(dir.resolve("url"))).isEqualTo(url);
    }

    private static final class FakeShell implements HostShell {

        final List<String> commands = new ArrayList<>();
        private final Function<String, Result> answer;

        FakeShell(Function<String, Result> answer) {
            this.answer = answer;
        }

        @Override
        public Result run(String command, Duration timeout) {
            commands.add(command);
            return answer.apply(command);
        }

        @Override
        public void upload(String path, byte[] content, int mode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> read(String path) {
            return Optional.empty();
        }

        @Override
        public String hostKeyType() {
            return "ssh-ed25519";
        }

        @Override
        public String hostKeyFingerprint() {
            return "SHA256:test";
        }

        @Override
        public boolean pinnedNow() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
