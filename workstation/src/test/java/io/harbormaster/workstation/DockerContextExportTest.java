package io.harbormaster.workstation;

import io.harbormaster.testing.DockerDaemonStandIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the archive against the real Docker CLI ({@code docker context import}, {@code inspect} and a real TLS
 * connection); skipped with a reason when the docker CLI is not installed. No Docker engine is needed.
 */
class DockerContextExportTest {

    private static final Instant ISSUED = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    static Path pkiFolder;
    static TestPki pki;

    @TempDir
    Path folder;

    @BeforeAll
    static void makeCertificates() {
        pki = TestPki.create(pkiFolder);
    }

    @Test
    void theArchiveHoldsMetaJsonAndTheTlsFilesWithDockersModes() throws IOException {
        var export = new DockerContextExport("dev", "Harbormaster machine dev", "tcp://192.0.2.10:2376",
                pki.client(), ISSUED);

        var entries = new ArrayList<String>();
        try (var tar = new TarArchiveInputStream(new ByteArrayInputStream(export.toBytes()))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.add(entry.getName() + " " + Integer.toOctalString(entry.getMode() & 07777) + " "
                        + entry.getModTime().toInstant());
            }
        }

        assertThat(entries).containsExactly(
                "meta.json 644 2026-03-01T12:00:00Z",
                "tls/ 700 2026-03-01T12:00:00Z",
                "tls/docker/ 700 2026-03-01T12:00:00Z",
                "tls/docker/ca.pem 600 2026-03-01T12:00:00Z",
                "tls/docker/cert.pem 600 2026-03-01T12:00:00Z",
                "tls/docker/key.pem 600 2026-03-01T12:00:00Z");
        assertThat(export.metaJson()).isEqualTo("{\"Name\":\"dev\",\"Metadata\":{\"Description\":\"Harbormaster "
                + "machine dev\"},\"Endpoints\":{\"docker\":{\"Host\":\"tcp://192.0.2.10:2376\",\"SkipTLSVerify\":false}}}");
        assertThat(new DockerContextExport("dev", "", "tcp://192.0.2.10:2376", pki.client(), ISSUED).metaJson())
                .contains("\"Metadata\":{},");
    }

    @Test
    void theSameInputsGiveTheSameBytes() {
        var export = new DockerContextExport("dev", "d", "tcp://192.0.2.10:2376", pki.client(), ISSUED);

        assertThat(export.toBytes()).isEqualTo(
                new DockerContextExport("dev", "d", "tcp://192.0.2.10:2376", pki.client(), ISSUED).toBytes());
    }

    @Test
    void dockerImportsTheContextAndStoresOurHostAndPems() throws IOException {
        var docker = requireDocker();
        var file = write(new DockerContextExport("dev", "Harbormaster machine dev", "tcp://192.0.2.10:2376",
                pki.client(), ISSUED));

        var imported = docker.run("context", "import", "hm-dev", file.toString());
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        var inspected = docker.run("context", "inspect", "hm-dev");
        assertThat(inspected.exitCode()).as(inspected.output()).isZero();

        JsonNode context = JsonMapper.builder().build().readTree(inspected.output()).get(0);
        assertThat(context.at("/Name").asString()).isEqualTo("hm-dev");
        assertThat(context.at("/Metadata/Description").asString()).isEqualTo("Harbormaster machine dev");
        assertThat(context.at("/Endpoints/docker/Host").asString()).isEqualTo("tcp://192.0.2.10:2376");
        assertThat(context.at("/Endpoints/docker/SkipTLSVerify").asBoolean()).isFalse();
        assertThat(context.at("/TLSMaterial/docker").values().stream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("ca.pem", "cert.pem", "key.pem");
        var tls = Path.of(context.at("/Storage/TLSPath").asString()).resolve("docker");
        assertThat(Files.readString(tls.resolve("ca.pem"))).isEqualTo(pki.client().caPem());
        assertThat(Files.readString(tls.resolve("cert.pem"))).isEqualTo(pki.client().certPem());
        assertThat(Files.readString(tls.resolve("key.pem"))).isEqualTo(pki.client().keyPem());
    }

    @Test
    void dockerTalksTlsWithTheImportedCertificateToADaemonThatTrustsOurCa() {
        var docker = requireDocker();
        try (var daemon = new DockerDaemonStandIn(0, pki.client().caPem(), pki.serverCertPem(), pki.serverKeyPem())) {
            var file = write(new DockerContextExport("dev", "", daemon.host(), pki.client(), ISSUED));
            assertThat(docker.run("context", "import", "hm-dev", file.toString()).exitCode()).isZero();

            var version = docker.run("--context", "hm-dev", "version", "--format", "{{.Server.Version}}");

            assertThat(version.exitCode()).as(version.output()).isZero();
            assertThat(version.output().strip()).isEqualTo(DockerDaemonStandIn.VERSION);
            assertThat(daemon.clientSubjects()).isNotEmpty().allMatch(subject -> subject.equals("CN=hm test client"));
        }
    }

    @Test
    void installedStraightIntoDockersStore_theContextWorks_andInstallingAgainReplacesItsCertificates()
            throws IOException {
        var docker = requireDocker();
        try (var daemon = new DockerDaemonStandIn(0, pki.client().caPem(), pki.serverCertPem(), pki.serverKeyPem())) {
            var tls = DockerContextStore.install(docker.config(),
                    new DockerContextExport("web-1", "Harbormaster machine web-1", daemon.host(), pki.client(), ISSUED));

            var listed = docker.run("context", "inspect", "web-1", "--format", "{{.Endpoints.docker.Host}}");
            assertThat(listed.exitCode()).as(listed.output()).isZero();
            assertThat(listed.output().strip()).isEqualTo(daemon.host());
            var version = docker.run("--context", "web-1", "version", "--format", "{{.Server.Version}}");
            assertThat(version.exitCode()).as(version.output()).isZero();
            assertThat(version.output().strip()).isEqualTo(DockerDaemonStandIn.VERSION);
            assertThat(tls).isEqualTo(docker.config().resolve("contexts/tls/"
                    + DockerContextStore.id("web-1") + "/docker"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("key.pem"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls))).isEqualTo("rwx------");

            var other = TestPki.create(Files.createDirectories(folder.resolve("other")));
            DockerContextStore.install(docker.config(),
                    new DockerContextExport("web-1", "", daemon.host(), other.client(), ISSUED));
            assertThat(Files.readString(tls.resolve("cert.pem"))).isEqualTo(other.client().certPem());
            try (var files = Files.list(tls)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .containsExactlyInAnyOrder("ca.pem", "cert.pem", "key.pem");
            }
        }
    }

    @Test
    void againstAClosedPortDockerFailsToConnectNotToLoadTheCertificates() throws IOException {
        var docker = requireDocker();
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var host = "tcp://127.0.0.1:" + closedPort;
        var file = write(new DockerContextExport("dev", "", host, pki.client(), ISSUED));
        assertThat(docker.run("context", "import", "hm-dev", file.toString()).exitCode()).isZero();

        var version = docker.run("--context", "hm-dev", "version");

        // Docker 28 words a refused connection like this.
        assertThat(version.exitCode()).isNotZero();
        assertThat(version.output()).contains("Cannot connect to the Docker daemon at " + host)
                .doesNotContainIgnoringCase("private key").doesNotContainIgnoringCase("tls info")
                .doesNotContainIgnoringCase("certificate");
    }

    @Test
    void aBrokenKeyFailsInDockerWhileLoadingTheCertificates() {
        // The counterpart of the test above: it shows that docker loads the TLS files before it connects.
        var docker = requireDocker();
        var broken = new TlsMaterial(pki.client().caPem(), pki.client().certPem(),
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        var file = write(new DockerContextExport("dev", "", "tcp://127.0.0.1:9", broken, ISSUED));
        assertThat(docker.run("context", "import", "hm-broken", file.toString()).exitCode()).isZero();

        var version = docker.run("--context", "hm-broken", "version");

        assertThat(version.exitCode()).isNotZero();
        assertThat(version.output()).containsIgnoringCase("private key").doesNotContain("Cannot connect");
    }

    @Test
    void theExportShowsNoPemTextAndRefusesAControlCharacterInTheDescription() {
        var export = new DockerContextExport("dev", "d", "tcp://192.0.2.10:2376", pki.client(), ISSUED);

        assertThat(export.toString()).doesNotContain("BEGIN").doesNotContain(pem(pki.client().keyPem()))
                .contains("key.pem=(hidden)");
        assertThatThrownBy(() -> new DockerContextExport("dev", "a\nb", "tcp://192.0.2.10:2376", pki.client(), ISSUED))
                .hasMessageStartingWith("The context description must not contain control characters");
    }

    private static String pem(String text) {
        return text.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
    }

    private Path write(DockerContextExport export) {
        try {
            return Files.write(folder.resolve("dev.dockercontext"), export.toBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The docker CLI with its configuration (and so its contexts) in this test's folder. */
    private DockerCli requireDocker() {
        var docker = LocalTools.find("docker");
        assumeTrue(docker.isPresent(), "the docker CLI is not installed: skipping the docker context checks");
        return new DockerCli(docker.get(), folder.resolve("docker-config"), folder);
    }

    private record DockerCli(Path program, Path config, Path folder) {
        LocalTools.Result run(String... arguments) {
            var command = new ArrayList<String>(List.of(program.toString()));
            command.addAll(List.of(arguments));
            return LocalTools.run(command, Map.of("DOCKER_CONFIG", config.toString()), folder);
        }
    }
}
