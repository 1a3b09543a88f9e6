package io.harbormaster.standalone;

import static io.harbormaster.standalone.ApiClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.testing.DockerDaemonStandIn;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A machine used from workstations, end to end on the embedded default (sealed database secret store): its CA and
 * server certificate are made when it is created; a team member downloads a client bundle, sources the bash
 * {@code env} output and runs the real {@code docker} client against a TLS endpoint that presents the machine's own
 * server material (a stand-in for dockerd, which the provisioning issue replaces with the real daemon); imports the
 * {@code docker context} export; a viewer and an outsider get nothing; a hand-off rotates the CA so the previous
 * holder's certificate is refused; and no key or certificate text reaches an event, a table or the log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class WorkstationAccessIntegrationTest {

    private static final String PASSWORD = "workstation-password-for-tests";
    private static RunningPlatform platform;
    private static String machineId;
    private static int daemonPort;
    private static DockerDaemonStandIn daemon;
    private static Path alicesOldBundle;

    @TempDir
    static Path workstation;

    @BeforeAll
    static void start() throws IOException {
        platform = RunningPlatform.startOnFreshDatabase();
        var admin = platform.admin();
        var team = admin.post("/api/teams", "{\"name\":\"ws-team\"}").text("teamId");
        for (var user : List.of("alice:OWNER", "bob:MEMBER", "vic:VIEWER", "carol:")) {
            var name = user.substring(0, user.indexOf(':'));
            var role = user.substring(user.indexOf(':') + 1);
            var id = admin.post("/api/users", """
                    {"username":"%s","displayName":"%s"}""".formatted(name, name)).text("userId");
            assertThat(admin.put("/api/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}").status())
                    .isEqualTo(204);
            if (!role.isEmpty()) {
                assertThat(admin.post("/api/teams/" + team + "/members", """
                        {"userId":"%s","role":"%s"}""".formatted(id, role)).status()).isEqualTo(200);
            }
        }
        try (var socket = new ServerSocket(0)) {
            daemonPort = socket.getLocalPort();
        }
        var created = platform.as("alice", PASSWORD).post("/api/machines", """
                {"team":"%s","name":"ws-1","driver":"none","driverOptions":{"url":"tcp://127.0.0.1:%d"}}"""
                .formatted(team, daemonPort));
        assertThat(created.status()).isEqualTo(202);
        machineId = created.text("machineId");
        await(() -> platform.admin().get("/api/machines/" + machineId), r -> "Running".equals(r.text("state")));
        daemon = startDaemon();
    }

    /** Every test's output: a test method's capture does not see what earlier methods printed. */
    private static final StringBuilder LOG = new StringBuilder();

    @org.junit.jupiter.api.AfterEach
    void keepTheLog(CapturedOutput output) {
        LOG.append(output.getAll());
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
        platform.close();
    }

    @Test
    @Order(1)
    void creatingAMachine_madeItsCaAndServerCertificate_andRecordedOnlyTheirFacts() {
        var history = await(() -> platform.admin().get("/api/machines/" + machineId + "/history"),
                r -> r.body().contains("CertsRegenerated"));
        assertThat(history.body()).contains("CertsRegenerated");
        var event = platform.jdbc().sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE payload_type LIKE '%.CertsRegenerated'").query(String.class).single();
        assertThat(event).contains("\"reason\":\"created\"").contains("\"caRotated\":true")
                .contains("\"keyAlgorithm\":\"ecdsa-p256\"").contains("127.0.0.1")
                .contains("\"secretPath\":\"machines/" + machineId + "/tls\"") // under the store's prefix, harbormaster/ by default
                .doesNotContain("BEGIN");
    }

    @Test
    @Order(2)
    void aMember_getsABundle_sourcesEnvInBash_andTheRealDockerClientReachesTheMachine() throws Exception {
        requireDocker();
        var dir = unpackBundle("bob", "bob-bundle");
        assertThat(Files.getPosixFilePermissions(dir.resolve("key.pem")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        var env = platform.as("bob", PASSWORD).get("/api/machines/" + machineId + "/env?shell=bash&certPath="
                + java.net.URLEncoder.encode(dir.toString(), StandardCharsets.UTF_8));
        assertThat(env.status()).isEqualTo(200);
        assertThat(env.body()).startsWith("export DOCKER_TLS_VERIFY=\"1\"\nexport DOCKER_HOST=\"tcp://127.0.0.1:"
                + daemonPort + "\"\n").contains("export DOCKER_MACHINE_NAME=\"ws-1\"")
                .endsWith("# Run this command to configure your shell: \n# eval $(hm env --shell bash ws-1)\n");
        var script = workstation.resolve("env.sh");
        Files.writeString(script, env.body());

        var out = run(List.of("bash", "-c", "eval \"$(cat '" + script + "')\" && docker version --format '{{.Server.Version}}'"));

        assertThat(out).isEqualTo(DockerDaemonStandIn.VERSION);
        assertThat(daemon.clientSubjects()).anySatisfy(s -> assertThat(s).contains("CN=bob").contains("OU=ws-team"));
        var issued = platform.jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'%.ClientCertIssued'").query(Long.class).single();
        assertThat(issued).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(3)
    void aMember_importsTheDockerContext_andConfigFlagsWork() throws Exception {
        requireDocker();
        var export = download("bob", "/docker-context?name=ws-ctx");
        assertThat(export.statusCode()).isEqualTo(200);
        var file = workstation.resolve("ws.dockercontext");
        Files.write(file, export.body());
        var dockerConfig = Files.createDirectories(workstation.resolve("docker-config"));
        run(List.of("docker", "--config", dockerConfig.toString(), "context", "import", "ws-ctx", file.toString()));

        var out = run(List.of("docker", "--config", dockerConfig.toString(), "--context", "ws-ctx", "version",
                "--format", "{{.Server.Version}}"));

        assertThat(out).isEqualTo(DockerDaemonStandIn.VERSION);
        var dir = unpackBundle("bob", "bob-config");
        var config = platform.as("bob", PASSWORD).get("/api/machines/" + machineId + "/config?certPath=" + dir);
        assertThat(config.status()).isEqualTo(200);
        var flags = new ArrayList<String>();
        flags.add("docker");
        for (var line : config.body().strip().split("\n")) {
            flags.add(line.replace("\"", ""));
        }
        flags.addAll(List.of("version", "--format", "{{.Server.Version}}"));
        assertThat(run(flags)).isEqualTo(DockerDaemonStandIn.VERSION);
    }

    @Test
    @Order(4)
    void aViewerGetsNoKeyMaterial_andAnOutsiderDoesNotSeeTheMachine() throws Exception {
        for (var path : List.of("/client-bundle", "/docker-context")) {
            var viewer = download("vic", path);
            assertThat(viewer.statusCode()).as("viewer " + path).isEqualTo(403);
            assertThat(new String(viewer.body(), StandardCharsets.UTF_8)).contains("problems/forbidden")
                    .doesNotContain("BEGIN");
            assertThat(download("carol", path).statusCode()).as("outsider " + path).isEqualTo(404);
        }
        assertThat(platform.as("vic", PASSWORD).get("/api/machines/" + machineId + "/env?certPath=/x").status())
                .isEqualTo(403);
        assertThat(platform.as("vic", PASSWORD).get("/api/machines/" + machineId + "/config?certPath=/x").status())
                .isEqualTo(403);
        assertThat(platform.as("vic", PASSWORD).post("/api/machines/" + machineId + "/regenerate-certs", "{}")
                .status()).isEqualTo(403);
        assertThat(platform.as("carol", PASSWORD).get("/api/machines/" + machineId + "/env?certPath=/x").status())
                .isEqualTo(404);
    }

    @Test
    @Order(5)
    void regeneratingWithoutRotation_keepsTheCa_soIssuedCertificatesStillWork() throws Exception {
        requireDocker();
        alicesOldBundle = unpackBundle("alice", "alice-old");
        var regenerated = platform.as("bob", PASSWORD).post("/api/machines/" + machineId + "/regenerate-certs", "{}");
        assertThat(regenerated.status()).isEqualTo(200);
        assertThat(regenerated.json().path("caRotated").asBoolean()).isFalse();
        restartDaemon();

        assertThat(dockerVersionWith(alicesOldBundle)).isEqualTo(DockerDaemonStandIn.VERSION);
        // rotating needs the right to manage the machine, which a member who is not its holder lacks
        assertThat(platform.as("bob", PASSWORD).post("/api/machines/" + machineId + "/regenerate-certs",
                "{\"rotateCa\":true}").status()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void handingTheMachineOff_rotatesTheCa_andThePreviousHoldersCertificateIsRefused() throws Exception {
        requireDocker();
        var bob = platform.jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'bob'")
                .query(String.class).single();
        var handOff = platform.as("alice", PASSWORD).post("/api/machines/" + machineId + "/handoff",
                "{\"to\":\"" + bob + "\"}");
        assertThat(handOff.status()).isEqualTo(200);
        var rotation = platform.jdbc().sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                + "payload_type LIKE '%.CertsRegenerated' ORDER BY global_index DESC LIMIT 1").query(String.class).single();
        assertThat(rotation).contains("\"reason\":\"handed-off\"").contains("\"caRotated\":true");
        restartDaemon();

        var refused = runExpectingFailure(dockerVersionCommand(alicesOldBundle));
        assertThat(refused).containsAnyOf("certificate", "tls", "remote error");
        assertThat(dockerVersionWith(unpackBundle("bob", "bob-after-handoff"))).isEqualTo(DockerDaemonStandIn.VERSION);
    }

    @Test
    @Order(7)
    void noKeyOrCertificateText_isInAnyEventTableOrLogLine(CapturedOutput output) {
        var tables = platform.jdbc().sql("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema() AND table_type = 'BASE TABLE'").query(String.class).list();
        for (var table : tables) {
            var hits = platform.jdbc().sql("SELECT count(*) FROM " + table + " t WHERE strpos(t::text, 'PRIVATE KEY') > 0 "
                    + "OR strpos(t::text, 'BEGIN CERTIFICATE') > 0")
                    .query(Long.class).single();
            assertThat(hits).as("rows of %s with PEM text", table).isZero();
        }
        var payloads = String.join("\n", platform.jdbc().sql("SELECT convert_from(payload, 'UTF8') || "
                + "convert_from(meta_data, 'UTF8') FROM domain_event_entry").query(String.class).list());
        assertThat(payloads).doesNotContain("PRIVATE KEY").doesNotContain("BEGIN CERTIFICATE");
        var everything = LOG + output.getAll();
        assertThat(everything).contains("Secret store: sealed-database"); // the capture did see the platform start
        assertThat(everything).doesNotContain("PRIVATE KEY").doesNotContain("BEGIN CERTIFICATE");
    }

    // ------------------------------------------------------------------ helpers

    private static DockerDaemonStandIn startDaemon() {
        var tls = platform.bean(SecretStore.class).read(SecretPath.machineTls(MachineId.of(machineId))).orElseThrow();
        return new DockerDaemonStandIn(daemonPort, tls.value("ca.pem"), tls.value("server.pem"),
                tls.value("server-key.pem"));
    }

    /** The machine's daemon picks up its new material, as the provisioner will make dockerd do. */
    private static void restartDaemon() {
        daemon.close();
        daemon = startDaemon();
    }

    private static HttpResponse<byte[]> download(String user, String path) throws Exception {
        var auth = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/machines/" + machineId + path))
                .header("Authorization", "Basic " + auth).POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Downloads the user's client bundle and unpacks it with the real tar into a fresh folder. */
    private static Path unpackBundle(String user, String folder) throws Exception {
        var bundle = download(user, "/client-bundle");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Disposition").orElse("")).contains("ws-1-client.tar");
        var dir = Files.createDirectories(workstation.resolve(folder));
        var tar = workstation.resolve(folder + ".tar");
        Files.write(tar, bundle.body());
        run(List.of("tar", "-xpf", tar.toString(), "-C", dir.toString()));
        assertThat(Files.readString(dir.resolve("cert.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
        return dir;
    }

    private static List<String> dockerVersionCommand(Path certs) {
        return List.of("docker", "--tlsverify", "--tlscacert", certs.resolve("ca.pem").toString(),
                "--tlscert", certs.resolve("cert.pem").toString(), "--tlskey", certs.resolve("key.pem").toString(),
                "-H", "tcp://127.0.0.1:" + daemonPort, "version", "--format", "{{.Server.Version}}");
    }

    private static String dockerVersionWith(Path certs) throws Exception {
        return run(dockerVersionCommand(certs));
    }

    private static void requireDocker() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/local/bin/docker"))
                        || Files.isExecutable(Path.of("/usr/bin/docker")),
                "the docker client is not installed (apt-get install docker.io): workstation checks skipped");
    }

    private static String run(List<String> command) throws Exception {
        var result = exec(command);
        assertThat(result.exit).as("%s failed: %s", command, result.output).isZero();
        return result.output.strip();
    }

    private static String runExpectingFailure(List<String> command) throws Exception {
        var result = exec(command);
        assertThat(result.exit).as("%s should fail; printed %s", command, result.output).isNotZero();
        return result.output;
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(List<String> command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(workstation.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }
}
