package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The embedded default heals with real processes: PostgreSQL killed under a running platform comes back within
 * 10 s (503 with Retry-After meanwhile, for bearer and Basic alike), and a platform killed with {@code kill -9}
 * starts again on the same home although its postmaster was left running.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseHealingIntegrationTest {

    private static final Pattern PASSWORD = Pattern.compile("one-time password.*\\R\\s+(\\S{20})\\R");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void postgresKilledUnderARunningPlatformIsBackWithin10sAndNothingAcceptedIsLost(@TempDir Path home,
            CapturedOutput output) throws Exception {
        // a 5 s watchdog period leaves the outage long enough to be observed; it is still within the 10 s promised
        try (var context = new SpringApplicationBuilder(HarbormasterApplication.class).run(
                "--harbormaster.home=" + home, "--server.port=0", "--spring.main.banner-mode=off",
                "--harbormaster.reconciler.interval=0", "--harbormaster.embedded-postgres.watchdog-interval=5s")) {
            var url = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            var password = oneTimePassword(output.getOut());
            var admin = new ApiClient(url, "admin", password);
            var basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
            var token = admin.post("/api/tokens", "{\"name\":\"healing\",\"expiresInDays\":1}").text("token");
            var bearer = "Bearer " + token;
            var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
            var created = admin.post("/api/machines", BadInputIntegrationTest.machine(team, "heal-1", "none",
                    "tcp://10.213.0.97:2376"));
            assertThat(created.status()).isEqualTo(202);

            long postmaster = postmasterPid(home);
            // SIGKILL to the server and its backends at once, as an operator's kill -9 of PostgreSQL: a backend that
            // outlives its postmaster by a moment would otherwise still answer a request or two
            var server = ProcessHandle.of(postmaster).orElseThrow();
            var backends = server.descendants().toList();
            server.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            long killed = System.nanoTime();
            for (var authorization : List.of(bearer, basic)) {
                var response = get(url, "/api/machines", authorization);
                assertThat(response.statusCode()).as(authorization.substring(0, 6) + response.body()).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
                assertThat(response.body()).contains("database-unavailable");
            }

            HttpResponse<String> back;
            do {
                Thread.sleep(200);
                back = get(url, "/api/machines/" + created.text("machineId"), bearer);
            } while (back.statusCode() != 200 && System.nanoTime() - killed < Duration.ofSeconds(10).toNanos());
            assertThat(back.statusCode()).as("back within 10 s: " + back.body()).isEqualTo(200);
            assertThat(back.body()).contains("heal-1");
            assertThat(get(url, "/api/machines", basic).statusCode()).isEqualTo(200);
            assertThat(postmasterPid(home)).as("a new postmaster").isNotEqualTo(postmaster);
        }
    }

    @Test
    void aPlatformKilledWithSigkillStartsAgainOnTheSameHomeAndKeepsItsData(@TempDir Path home) throws Exception {
        var first = Platform.start(home);
        String machineId;
        long orphan;
        try {
            var admin = new ApiClient(first.url, "admin", first.password);
            var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
            machineId = admin.post("/api/machines", BadInputIntegrationTest.machine(team, "survivor", "none",
                    "tcp://10.213.0.98:2376")).text("machineId");
            ApiClient.await(() -> admin.get("/api/machines/" + machineId), r -> "Running".equals(r.text("state")));
            orphan = postmasterPid(home);
        } finally {
            first.process.destroyForcibly(); // SIGKILL: the JVM only, PostgreSQL is left running
            first.process.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("postmaster left behind").hasValue(true);

        var second = Platform.start(home);
        try {
            var admin = new ApiClient(second.url, "admin", first.password);
            var machine = admin.get("/api/machines/" + machineId);
            assertThat(machine.status()).isEqualTo(200);
            assertThat(machine.text("name")).isEqualTo("survivor");
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        } finally {
            second.process.destroy(); // SIGTERM: a normal shutdown stops PostgreSQL too
            assertThat(second.process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(home.resolve("postgres/postmaster.pid"))).as("stopped cleanly").isFalse();
    }

    /** The platform in a JVM of its own, so the test can kill it as an operator's {@code kill -9} would. */
    private record Platform(Process process, String url, String password) {

        static Platform start(Path home) throws Exception {
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var log = Files.createTempFile(home.getParent(), "platform", ".log");
            var java = ProcessHandle.current().info().command().orElse("java");
            var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    HarbormasterApplication.class.getName(), "--harbormaster.home=" + home, "--server.port=" + port,
                    "--spring.main.banner-mode=off", "--harbormaster.reconciler.interval=0"));
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            var deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!Files.readString(log).contains("Harbormaster is ready.")) {
                assertThat(process.isAlive()).as("platform exited: " + Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("ready within 3 minutes").isLessThan(deadline);
                Thread.sleep(250);
            }
            var printed = Files.readString(log);
            var match = PASSWORD.matcher(printed);
            return new Platform(process, "http://127.0.0.1:" + port, match.find() ? match.group(1) : null);
        }
    }

    private static String oneTimePassword(String printed) {
        var match = PASSWORD.matcher(printed);
        assertThat(match.find()).as("banner shows the one-time password").isTrue();
        return match.group(1);
    }

    private static long postmasterPid(Path home) throws Exception {
        return Long.parseLong(Files.readAllLines(home.resolve("postgres/postmaster.pid")).getFirst().strip());
    }

    private static HttpResponse<String> get(String url, String path, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
