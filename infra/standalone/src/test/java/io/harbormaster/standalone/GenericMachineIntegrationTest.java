package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
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
 * A generic machine on a real host (a network-namespace test host from infra/testhosts with sshd and Docker Engine):
 * user A creates it through the REST API with an SSH key; Harbormaster pins the host key, provisions Docker Engine
 * with the machine's TLS material and verifies it; user B of the same team fetches a client bundle and env, and the
 * real {@code docker} client runs a container on the machine. An upgrade goes as far as the host allows; a restart
 * reboots the host and the machine is Running again once its daemon answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenericMachineIntegrationTest {

    private static final String PASSWORD = "generic-password-for-tests";
    private static final String HOST_IP = "10.213.0.31";

    @TempDir
    static Path workstation;

    private static RunningPlatform platform;
    private static TestHost host;
    private static String team;
    private static String machineId;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        var key = workstation.resolve("id_ed25519");
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "harbormaster-test", "-f", key.toString()));
        host = TestHosts.up("gen-a", HOST_IP, Path.of(key + ".pub"));
        platform = RunningPlatform.startOnFreshDatabase();
        var admin = platform.admin();
        team = admin.post("/api/teams", "{\"name\":\"gen-team\"}").text("teamId");
        for (var user : List.of("alice:OWNER", "bob:MEMBER")) {
            var name = user.substring(0, user.indexOf(':'));
            var id = admin.post("/api/users", "{\"username\":\"%s\",\"displayName\":\"%s\"}".formatted(name, name))
                    .text("userId");
            admin.put("/api/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}");
            admin.post("/api/teams/" + team + "/members", "{\"userId\":\"%s\",\"role\":\"%s\"}"
                    .formatted(id, user.substring(user.indexOf(':') + 1)));
        }
        var created = platform.as("alice", PASSWORD).post("/api/machines", """
                {"team":"%s","name":"gen-1","driver":"generic","driverOptions":{"ip-address":"%s"},"sshKey":%s}"""
                .formatted(team, HOST_IP, json(Files.readString(key))));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        machineId = created.text("machineId");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (host != null) {
            host.down();
        }
    }

    @Test
    @Order(1)
    void theMachineIsProvisionedStepByStep_andReachesRunningWithItsDockerUrl() {
        var machine = await(() -> platform.admin().get("/api/machines/" + machineId),
                r -> List.of("Running", "Error").contains(r.text("state")), Duration.ofSeconds(90));
        var history = platform.admin().get("/api/machines/" + machineId + "/history?size=100");
        assertThat(machine.text("state")).as(history.body()).isEqualTo("Running");
        assertThat(machine.text("dockerUrl")).isEqualTo("tcp://" + HOST_IP + ":2376");
        var actions = history.json().path("items").valueStream().map(i -> i.path("action").asString()).toList();
        assertThat(actions.reversed()).containsSubsequence("MachineCreated", "SshHostKeyPinned", "ProvisioningStarted",
                "ProvisioningStepCompleted", "SshUserCaInstalled", "ProvisioningStepCompleted", "MachineProvisioned",
                "CertsRegenerated");
        assertThat(actions.stream().filter("ProvisioningStepCompleted"::equals).count()).isEqualTo(6);
        // the daemon keeps the test host's own settings next to Harbormaster's
        var daemonJson = host.exec("cat", "/etc/docker/daemon.json").stdout();
        assertThat(daemonJson).contains("\"iptables\" : false").contains("\"tlsverify\" : true")
                .contains("tcp://0.0.0.0:2376").contains("\"live-restore\" : true");
    }

    @Test
    @Order(2)
    void anotherMemberRunsAContainerWithTheRealDockerClient() throws Exception {
        var certs = Files.createDirectories(workstation.resolve("bob-gen-1"));
        var bundle = download("bob", "/client-bundle");
        assertThat(bundle.statusCode()).isEqualTo(200);
        var tar = workstation.resolve("bob.tar");
        Files.write(tar, bundle.body());
        run(List.of("tar", "-xpf", tar.toString(), "-C", certs.toString()));
        var env = platform.as("bob", PASSWORD).get("/api/machines/" + machineId + "/env?shell=bash&certPath="
                + URLEncoder.encode(certs.toString(), StandardCharsets.UTF_8));
        assertThat(env.status()).isEqualTo(200);
        var script = workstation.resolve("env.sh");
        Files.writeString(script, env.body());
        var image = TestHosts.busyboxImage(workstation);

        var out = run(List.of("bash", "-c", "eval \"$(cat '" + script + "')\" && docker import '" + image
                + "' hm-busybox:test >/dev/null && docker run --rm --network none hm-busybox:test echo ok"));

        assertThat(out).isEqualTo("ok");
    }

    @Test
    @Order(3)
    void anUpgradeGoesAsFarAsTheHostAllows_andSaysWhy() {
        // the test host has no network and a read-only /usr: its package manager cannot upgrade anything
        var accepted = platform.as("bob", PASSWORD).post("/api/machines/" + machineId + "/upgrade", null);
        assertThat(accepted.status()).isEqualTo(202);
        var history = await(() -> platform.admin().get("/api/machines/" + machineId + "/history?size=100"),
                r -> r.body().contains("EngineUpgradeFailed") || r.body().contains("\"EngineUpgraded\""),
                Duration.ofSeconds(120));
        assertThat(history.body()).contains("Docker Engine upgrade failed (still 20.10").contains("deb.debian.org");
        assertThat(platform.admin().get("/api/machines/" + machineId).text("state")).isEqualTo("Running");
    }

    @Test
    @Order(4)
    void aRestartRebootsTheHost_andTheMachineIsRunningAgainOnceItsDaemonAnswers() throws Exception {
        var bootBefore = host.exec("cut", "-d ", "-f22", "/proc/1/stat").stdout().strip();
        var env = "eval \"$(cat '" + workstation.resolve("env.sh") + "')\" && ";
        run(List.of("bash", "-c", env + "docker run -d --network none --name before-restart hm-busybox:test "
                + "sleep 600"));
        var started = System.nanoTime();

        var accepted = platform.as("bob", PASSWORD).post("/api/machines/" + machineId + "/restart", null);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        var history = await(() -> platform.admin().get("/api/machines/" + machineId + "/history?size=100"),
                r -> r.body().contains("\"MachineRestarted\"") || r.body().contains("LifecycleOperationFailed"),
                Duration.ofSeconds(120));
        var elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertThat(history.body()).as(history.body()).contains("\"MachineRestarted\"")
                .doesNotContain("LifecycleOperationFailed");
        assertThat(platform.admin().get("/api/machines/" + machineId).text("state")).isEqualTo("Running");
        System.out.println("[measure] generic restart (reboot of the test host) to Running: " + elapsed.toMillis()
                + " ms");
        // a new boot of the host: its PID 1 is another process, and the container it ran is gone with it
        assertThat(host.exec("cut", "-d ", "-f22", "/proc/1/stat").stdout().strip()).isNotEqualTo(bootBefore);
        assertThat(run(List.of("bash", "-c", env + "docker ps -q --filter name=before-restart"))).isEmpty();
        // dockerd came back at boot (the provisioner enabled it) with the machine's TLS: the same env still works
        assertThat(run(List.of("bash", "-c", env + "docker run --rm --network none hm-busybox:test echo ok")))
                .isEqualTo("ok");
    }

    private static HttpResponse<byte[]> download(String user, String path) throws Exception {
        var auth = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/machines/" + machineId + path))
                .header("Authorization", "Basic " + auth).POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
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

    private static String run(List<String> command) {
        return TestHostMachines.run(workstation, command);
    }
}
