package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-machine's engine options end to end on a real test host: a generic machine created with
 * {@code --engine-label team=blue}, engine flags ({@code log-level=warn}, a registry mirror, a default ulimit) and a
 * {@code --tls-san} name reaches Running; the real {@code docker} client sees the label and the mirror in
 * {@code docker info}, a container gets the ulimit, and the client verifies the daemon by the extra name (resolved
 * only inside a private mount namespace whose {@code /etc/hosts} names the host), while a name not in the certificate
 * is refused. Uses host {@code eng-a} at 10.213.0.150 only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineOptionsMachineIntegrationTest {

    private static final String HOST_IP = "10.213.0.150";
    private static final String SAN = "docker.eng.test";

    @TempDir
    static Path workstation;

    private static RunningPlatform platform;
    private static final List<TestHost> hosts = new ArrayList<>();
    private static String machineId;
    private static Duration createdToRunning;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        var key = TestHostMachines.newKey(workstation, "id_eng");
        hosts.add(TestHosts.up("eng-a", HOST_IP, TestHostMachines.publicKey(key)));
        platform = RunningPlatform.startOnFreshDatabase();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(platform.admin());
        var started = System.nanoTime();
        var created = platform.admin().post("/api/machines", """
                {"team":"%s","name":"eng-1","driver":"generic","driverOptions":{"ip-address":"%s"},"sshKey":%s,
                 "engineOptions":{"flags":["log-level=warn","registry-mirror=https://mirror.eng.test",
                                            "default-ulimit=nofile=1024:2048"],
                                  "labels":["team=blue"],"tlsSans":["%s"]}}"""
                .formatted(team, HOST_IP, TestHostMachines.json(TestHostMachines.read(key)), SAN));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        machineId = created.text("machineId");
        TestHostMachines.awaitSettled(platform.admin(), machineId, Duration.ofSeconds(120));
        createdToRunning = Duration.ofNanos(System.nanoTime() - started);
    }

    @AfterAll
    static void stop() {
        TestHostMachines.stopAll(platform, hosts);
    }

    @Test
    @Order(1)
    void theMachineReachesRunning_andItsDetailAndDaemonJsonCarryTheOptions() {
        var machine = platform.admin().get("/api/machines/" + machineId);
        assertThat(machine.text("state")).as(String.join("\n", TestHostMachines.history(platform.admin(),
                machineId))).isEqualTo("Running");
        System.out.println("[measure] generic create with engine options to Running: " + createdToRunning.toMillis()
                + " ms");
        assertThat(machine.json().path("engineOptions").path("labels").toString()).isEqualTo("[\"team=blue\"]");
        var daemonJson = hosts.getFirst().exec("cat", "/etc/docker/daemon.json").stdout();
        assertThat(daemonJson).contains("\"log-level\" : \"warn\"").contains("\"registry-mirrors\" : [ "
                + "\"https://mirror.eng.test\" ]").contains("\"team=blue\"").contains("\"iptables\" : false");
    }

    @Test
    @Order(2)
    void theRealDockerClientSeesTheLabelAndTheMirror_andAContainerGetsTheUlimit() throws Exception {
        var env = env("tcp://" + HOST_IP + ":2376");

        assertThat(docker(env, "docker info --format '{{json .Labels}}'")).contains("\"team=blue\"")
                .contains("\"provider=harbormaster\"").contains("\"harbormaster.machine=eng-1\"");
        assertThat(docker(env, "docker info --format '{{json .RegistryConfig.Mirrors}}'"))
                .isEqualTo("[\"https://mirror.eng.test/\"]");
        var image = TestHosts.busyboxImage(workstation);
        docker(env, "docker import '" + image + "' hm-busybox:eng >/dev/null");
        assertThat(docker(env, "docker run --rm --network none hm-busybox:eng sh -c 'ulimit -n; ulimit -Hn'"))
                .isEqualTo("1024\n2048");
    }

    @Test
    @Order(3)
    void theClientVerifiesTheDaemonByTheExtraName_andRefusesANameTheCertificateDoesNotCarry() throws Exception {
        var ca = CertificateFactory.getInstance("X.509");
        var server = (X509Certificate) ca.generateCertificate(new ByteArrayInputStream(
                hosts.getFirst().exec("cat", "/etc/docker/harbormaster/server.pem").stdout()
                        .getBytes(StandardCharsets.US_ASCII)));
        assertThat(server.getSubjectAlternativeNames()).contains(List.of(2, SAN), List.of(7, HOST_IP));
        var hostsFile = workstation.resolve("hosts");
        Files.writeString(hostsFile, "127.0.0.1 localhost\n" + HOST_IP + " " + SAN + " other.eng.test\n");

        var bySan = privateHosts(hostsFile, env("tcp://" + SAN + ":2376")
                + "docker --tlsverify version --format '{{.Server.Version}}' 2>&1");
        var byOther = privateHosts(hostsFile, env("tcp://other.eng.test:2376")
                + "docker --tlsverify version --format '{{.Server.Version}}' 2>&1 || true");

        assertThat(bySan).startsWith("20.10");
        assertThat(byOther).contains("x509").contains("other.eng.test");
        // the names the certificate carries are recorded with it
        var recorded = platform.jdbc().sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE '%.CertsRegenerated'""")
                .param(machineId).query(String.class).list();
        assertThat(recorded).singleElement().asString()
                .contains("\"serverNames\":[\"" + HOST_IP + "\",\"eng-1\",\"" + SAN + "\"]");
    }

    /** Runs a shell command in a mount namespace of its own whose /etc/hosts is {@code hostsFile}. */
    private static String privateHosts(Path hostsFile, String command) {
        return TestHostMachines.run(workstation, List.of("unshare", "-m", "sh", "-c",
                "mount --bind '" + hostsFile + "' /etc/hosts && " + command));
    }

    private static String docker(String env, String command) {
        return TestHostMachines.run(workstation, List.of("bash", "-c", env + command));
    }

    /** A client bundle of the admin and the machine's env, with {@code DOCKER_HOST} set to {@code dockerHost}. */
    private static String env(String dockerHost) throws Exception {
        var certs = workstation.resolve("certs");
        if (!Files.exists(certs.resolve("ca.pem"))) {
            Files.createDirectories(certs);
            var auth = Base64.getEncoder().encodeToString(("admin:" + RunningPlatform.ADMIN_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            var bundle = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.baseUrl()
                            + "/api/machines/" + machineId + "/client-bundle")).header("Authorization", "Basic " + auth)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(bundle.statusCode()).isEqualTo(200);
            var tar = workstation.resolve("bundle.tar");
            Files.write(tar, bundle.body());
            TestHostMachines.run(workstation, List.of("tar", "-xpf", tar.toString(), "-C", certs.toString()));
            var env = platform.admin().get("/api/machines/" + machineId + "/env?shell=bash&certPath="
                    + URLEncoder.encode(certs.toString(), StandardCharsets.UTF_8));
            assertThat(env.status()).isEqualTo(200);
            Files.writeString(workstation.resolve("env.sh"), env.body());
        }
        return "eval \"$(cat '" + workstation.resolve("env.sh") + "')\" && export DOCKER_HOST=" + dockerHost + " && ";
    }
}
