package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' second pain, healed: a generic machine addressed by a DNS name (an {@code /etc/hosts} entry here) whose
 * host gets a new IP. Before healing, the docker client at the new address fails with the x509 error; the reconciler
 * sees the new address, regenerates the server certificate and installs it over SSH, after which the new env works and
 * a container started before the change is still running ({@code live-restore}). Then a hand-off rotates the CA on the
 * real daemon: the previous holder's certificate is refused, the new holder's works.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AddressChangeAndHandOffIntegrationTest {

    private static final String PASSWORD = "healing-password-for-tests";
    private static final String NAME = "heal-a.hm-test";
    private static final String FIRST_IP = "10.213.0.35";
    private static final String SECOND_IP = "10.213.0.36";

    @TempDir
    static Path workstation;

    private static RunningPlatform platform;
    private static TestHost host;
    private static String machineId;
    private static Path image;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        var key = workstation.resolve("id_ed25519");
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));
        host = TestHosts.up("heal-a", FIRST_IP, Path.of(key + ".pub"));
        EtcHosts.set(NAME, FIRST_IP);
        image = TestHosts.busyboxImage(workstation);
        platform = RunningPlatform.startOnFreshDatabase("--harbormaster.reconciler.interval=1s");
        var admin = platform.admin();
        var team = admin.post("/api/teams", "{\"name\":\"heal-team\"}").text("teamId");
        for (var user : List.of("alice:OWNER", "bob:MEMBER")) {
            var name = user.substring(0, user.indexOf(':'));
            var id = admin.post("/api/users", "{\"username\":\"%s\",\"displayName\":\"%s\"}".formatted(name, name))
                    .text("userId");
            admin.put("/api/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}");
            admin.post("/api/teams/" + team + "/members", "{\"userId\":\"%s\",\"role\":\"%s\"}"
                    .formatted(id, user.substring(user.indexOf(':') + 1)));
        }
        var created = platform.as("alice", PASSWORD).post("/api/machines", """
                {"team":"%s","name":"heal-1","driver":"generic","driverOptions":{"ip-address":"%s"},"sshKey":%s}"""
                .formatted(team, NAME, json(Files.readString(key))));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        machineId = created.text("machineId");
        var machine = await(() -> platform.admin().get("/api/machines/" + machineId),
                r -> List.of("Running", "Error").contains(r.text("state")), Duration.ofSeconds(90));
        assertThat(machine.text("state")).as(machine.body()).isEqualTo("Running");
        assertThat(machine.text("dockerUrl")).isEqualTo("tcp://" + FIRST_IP + ":2376");
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (host != null) {
            host.down();
        }
        EtcHosts.remove(NAME);
    }

    @Test
    @Order(1)
    void anAddressChange_isHealedWithoutAManualStep_andRunningContainersSurvive() throws Exception {
        var bob = certificates("bob", "bob-before");
        var env = env("bob", bob);
        var container = run(List.of("bash", "-c", "eval \"$(cat '" + env + "')\" && docker import '" + image
                + "' hm-busybox:test >/dev/null && docker run -d --network none hm-busybox:test sleep 600"));

        host.setIp(SECOND_IP);
        // The client at the new address, before Harbormaster knows: the certificate names the old one.
        var broken = runExpectingFailure(docker(bob, SECOND_IP, "version"));
        assertThat(broken).contains("x509").contains(FIRST_IP);

        var changed = System.nanoTime();
        EtcHosts.set(NAME, SECOND_IP);
        var healed = await(() -> platform.admin().get("/api/machines/" + machineId + "/history?size=200"),
                r -> r.body().contains("IpChanged") && r.body().contains("CertsInstalled"), Duration.ofSeconds(60));
        var healingMillis = (System.nanoTime() - changed) / 1_000_000;
        assertThat(healed.body()).contains("CertsInstalled").contains("address changed from " + FIRST_IP + " to "
                + SECOND_IP);
        System.out.println("[measure] IP change to working TLS: " + healingMillis + " ms");

        var machine = platform.admin().get("/api/machines/" + machineId);
        assertThat(machine.text("dockerUrl")).isEqualTo("tcp://" + SECOND_IP + ":2376");
        var newEnv = env("bob", bob);
        assertThat(Files.readString(newEnv)).contains("tcp://" + SECOND_IP + ":2376");
        var out = run(List.of("bash", "-c", "eval \"$(cat '" + newEnv + "')\" && docker run --rm --network none "
                + "hm-busybox:test echo ok && docker ps -q --no-trunc"));
        assertThat(out).startsWith("ok").contains(container.strip());
    }

    @Test
    @Order(2)
    void aHandOffRotatesTheCaOnTheRealDaemon_andThePreviousHoldersCertificateIsRefused() throws Exception {
        var alice = certificates("alice", "alice-before");
        var ip = currentIp();
        assertThat(run(docker(alice, ip, "version", "--format", "{{.Server.Os}}"))).isEqualTo("linux");
        var installedBefore = count("CertsInstalled");
        var bobId = platform.jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'bob'")
                .query(String.class).single();

        var handOff = platform.as("alice", PASSWORD).post("/api/machines/" + machineId + "/handoff",
                "{\"to\":\"" + bobId + "\"}");
        assertThat(handOff.status()).isEqualTo(200);
        await(() -> platform.admin().get("/api/machines/" + machineId),
                r -> count("CertsInstalled") > installedBefore, Duration.ofSeconds(60));

        assertThat(runExpectingFailure(docker(alice, ip, "version"))).containsAnyOf("certificate", "tls");
        var bob = certificates("bob", "bob-after");
        assertThat(run(docker(bob, ip, "version", "--format", "{{.Server.Os}}"))).isEqualTo("linux");
    }

    // ------------------------------------------------------------------ helpers

    private static String currentIp() {
        var url = platform.admin().get("/api/machines/" + machineId).text("dockerUrl");
        return URI.create(url).getHost();
    }

    private static long count(String eventType) {
        return platform.jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id AND "
                + "payload_type LIKE :type").param("id", machineId).param("type", "%." + eventType)
                .query(Long.class).single();
    }

    private static Path certificates(String user, String folder) throws Exception {
        var dir = Files.createDirectories(workstation.resolve(folder));
        var auth = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.baseUrl()
                        + "/api/machines/" + machineId + "/client-bundle")).header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        var tar = workstation.resolve(folder + ".tar");
        Files.write(tar, response.body());
        run(List.of("tar", "-xpf", tar.toString(), "-C", dir.toString()));
        return dir;
    }

    private static Path env(String user, Path certs) throws Exception {
        var env = platform.as(user, PASSWORD).get("/api/machines/" + machineId + "/env?shell=bash&certPath="
                + URLEncoder.encode(certs.toString(), StandardCharsets.UTF_8));
        assertThat(env.status()).isEqualTo(200);
        var script = Files.createTempFile(workstation, "env", ".sh");
        Files.writeString(script, env.body());
        return script;
    }

    private static List<String> docker(Path certs, String ip, String... arguments) {
        var command = new java.util.ArrayList<>(List.of("docker", "--tlsverify",
                "--tlscacert", certs.resolve("ca.pem").toString(), "--tlscert", certs.resolve("cert.pem").toString(),
                "--tlskey", certs.resolve("key.pem").toString(), "-H", "tcp://" + ip + ":2376"));
        command.addAll(List.of(arguments));
        return command;
    }

    private static ApiClient.Response await(Supplier<ApiClient.Response> call, Predicate<ApiClient.Response> done,
                                            Duration within) {
        var deadline = System.nanoTime() + within.toNanos();
        var last = call.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = call.get();
        }
        return last;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(List<String> command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).directory(workstation.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 120 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private static String run(List<String> command) throws Exception {
        var result = exec(command);
        assertThat(result.exit()).as("%s failed: %s", command, result.output()).isZero();
        return result.output().strip();
    }

    private static String runExpectingFailure(List<String> command) throws Exception {
        var result = exec(command);
        assertThat(result.exit()).as("%s should fail; printed %s", command, result.output()).isNotZero();
        return result.output();
    }

    /** One line of this machine's {@code /etc/hosts} per test name, so the name moves with the host. */
    static final class EtcHosts {

        private static final Path FILE = Path.of("/etc/hosts");
        private static final String MARK = " # harbormaster-test";

        static synchronized void set(String name, String ip) throws Exception {
            remove(name);
            Files.writeString(FILE, ip + " " + name + MARK + "\n", java.nio.file.StandardOpenOption.APPEND);
        }

        static synchronized void remove(String name) throws Exception {
            var kept = Files.readAllLines(FILE).stream()
                    .filter(line -> !(line.endsWith(MARK) && line.contains(" " + name + " "))).toList();
            Files.write(FILE, kept);
        }
    }
}
