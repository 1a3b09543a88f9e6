package io.harbormaster.workstation;

import io.harbormaster.testing.DockerDaemonStandIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts follow docker-machine's commands/config.go: one flag a line, paths through Go's %q. */
class ConfigFlagsTest {

    private static final String HOST = "tcp://192.0.2.10:2376";

    @Test
    void theFlagsAreDockerMachinesConfigOutput() {
        assertThat(ConfigFlags.render("/home/me/.hm/machines/dev", HOST)).isEqualTo("""
                --tlsverify
                --tlscacert="/home/me/.hm/machines/dev/ca.pem"
                --tlscert="/home/me/.hm/machines/dev/cert.pem"
                --tlskey="/home/me/.hm/machines/dev/key.pem"
                -H=tcp://192.0.2.10:2376
                """);
    }

    @Test
    void aWindowsPathIsJoinedWithBackslashesWhichGoQuotingDoubles() {
        assertThat(ConfigFlags.render("C:\\Users\\me\\.hm\\machines\\dev", HOST)).isEqualTo("""
                --tlsverify
                --tlscacert="C:\\\\Users\\\\me\\\\.hm\\\\machines\\\\dev\\\\ca.pem"
                --tlscert="C:\\\\Users\\\\me\\\\.hm\\\\machines\\\\dev\\\\cert.pem"
                --tlskey="C:\\\\Users\\\\me\\\\.hm\\\\machines\\\\dev\\\\key.pem"
                -H=tcp://192.0.2.10:2376
                """);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "/home/me/certs/|--tlscacert=\"/home/me/certs/ca.pem\"",
        "/|--tlscacert=\"/ca.pem\"",
        "C:\\certs\\|--tlscacert=\"C:\\\\certs\\\\ca.pem\"",
        "/tmp/a \"b\"|--tlscacert=\"/tmp/a \\\"b\\\"/ca.pem\"",
        "/tmp/caf\u00e9 \u2603|--tlscacert=\"/tmp/caf\u00e9 \u2603/ca.pem\"",
        "/tmp/no\u00a0break\u200b|--tlscacert=\"/tmp/no\\u00a0break\\u200b/ca.pem\""})
    void pathsAreQuotedLikeGosPercentQ(String certPath, String caLine) {
        assertThat(ConfigFlags.render(certPath, HOST)).contains(caLine + "\n");
    }

    @Test
    void aControlCharacterABlankPathOrAnotherKindOfHostIsRefused() {
        assertThatThrownBy(() -> ConfigFlags.render("/tmp/a\nb", HOST))
                .hasMessageStartingWith("The cert path must not contain control characters");
        assertThatThrownBy(() -> ConfigFlags.render("", HOST)).hasMessageStartingWith("The cert path must be given");
        assertThatThrownBy(() -> ConfigFlags.render("/tmp", "unix:///var/run/docker.sock"))
                .hasMessageStartingWith("The docker host must look like tcp://HOST:PORT");
    }

    @Test
    void theDockerCliTakesTheFlagsAsDockerMachineDocumentsIt(@TempDir Path folder) throws IOException {
        var docker = LocalTools.find("docker");
        assumeTrue(docker.isPresent(), "the docker CLI is not installed: skipping the docker $(hm config) check");
        assumeTrue(LocalTools.find("bash").isPresent(), "bash is not installed: skipping the docker $(hm config) check");
        var pki = TestPki.create(folder);
        var certs = Files.createDirectories(folder.resolve("machines/dev"));
        Files.writeString(certs.resolve("ca.pem"), pki.client().caPem());
        Files.writeString(certs.resolve("cert.pem"), pki.client().certPem());
        Files.writeString(certs.resolve("key.pem"), pki.client().keyPem());

        try (var daemon = new DockerDaemonStandIn(0, pki.client().caPem(), pki.serverCertPem(), pki.serverKeyPem())) {
            var flags = Files.writeString(folder.resolve("flags"), ConfigFlags.render(certs.toString(), daemon.host()));
            // docker $(hm config dev) version: the shell splits the lines into words and keeps the quotes, which the
            // Docker client strips from these flags.
            var result = LocalTools.run(List.of("bash", "-c",
                    "\"$DOCKER\" $(cat \"$FLAGS\") version --format '{{.Server.Version}}'"),
                    Map.of("DOCKER", docker.get().toString(), "FLAGS", flags.toString(),
                            "DOCKER_CONFIG", folder.resolve("docker-config").toString()), folder);

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output().strip()).isEqualTo(DockerDaemonStandIn.VERSION);
            assertThat(daemon.clientSubjects()).isNotEmpty().allMatch("CN=hm test client"::equals);
        }
    }
}
