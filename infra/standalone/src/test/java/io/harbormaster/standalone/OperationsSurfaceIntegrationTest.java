package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations surface (docs/operations.md) on the whole platform: health for load balancers without details or
 * redirects, a readiness probe that follows the real database, and Prometheus meters for platform admins only that
 * count what the platform really did.
 */
class OperationsSurfaceIntegrationTest {

    private static final String MEMBER_PASSWORD = "member-password-for-ops-tests";

    @Test
    void healthIsOpenAndBareWhileDetailsAndMetricsAreForPlatformAdmins() {
        try (var platform = RunningPlatform.startOnFreshDatabase()) {
            var anonymous = platform.anonymous();
            for (var path : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
                var health = ApiClient.await(() -> anonymous.get(path), r -> r.status() != 503);
                assertThat(health.status()).as(path + ": " + health.body()).isEqualTo(200);
                assertThat(health.body()).as(path + " shows the status only").isEqualTo("{\"status\":\"UP\"}");
            }
            var root = anonymous.get("/actuator/health");
            assertThat(root.status()).as(root.body()).isEqualTo(200);
            // Spring Boot always names the probe groups at the root; no component and no detail is shown
            assertThat(root.json().propertyNames()).containsExactlyInAnyOrder("status", "groups");
            assertThat(root.text("status")).isEqualTo("UP");
            assertThat(root.json().path("groups").toString()).isEqualTo("[\"liveness\",\"readiness\"]");

            var admin = platform.admin();
            var readiness = admin.get("/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
            var components = readiness.json().path("components");
            assertThat(components.propertyNames()).contains("db", "secretStore", "eventProcessors", "deadLetters");
            assertThat(components.path("secretStore").path("details").path("kind").asString()).isEqualTo("sealed-database");
            assertThat(components.path("eventProcessors").path("details").path("processors").propertyNames())
                    .contains("machine-list", "machine-processes", "users");
            assertThat(components.path("deadLetters").path("details").path("total").asLong()).isZero();

            var member = member(platform, admin, "ops-member");
            assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
            assertThat(member.get("/actuator/prometheus").status()).isEqualTo(403);
            assertThat(member.get("/actuator/health/readiness").json().propertyNames())
                    .as("a member sees no details").containsExactly("status");

            var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
            var id = admin.post("/api/machines", BadInputIntegrationTest.machine(team, "ops-1", "none",
                    "tcp://10.213.0.97:2376")).text("machineId");
            ApiClient.await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));
            assertThat(admin.post("/api/machines", BadInputIntegrationTest.machine(team, "ops-1", "none",
                    "tcp://10.213.0.97:2376")).status()).as("a name taken twice is refused").isEqualTo(409);

            var metrics = admin.get("/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(200);
            var text = metrics.body();
            assertThat(sample(text, "harbormaster_commands_seconds_count", "type=\"CreateMachineCommand\"",
                    "outcome=\"success\"")).isEqualTo(1);
            assertThat(sample(text, "harbormaster_commands_seconds_count", "type=\"CreateMachineCommand\"",
                    "outcome=\"refused\"")).isEqualTo(1);
            assertThat(sample(text, "harbormaster_driver_calls_seconds_count", "driver=\"none\"",
                    "operation=\"create\"", "outcome=\"success\"")).isEqualTo(1);
            assertThat(sample(text, "harbormaster_machines", "state=\"Running\"")).isEqualTo(1);
            assertThat(sample(text, "harbormaster_event_processor_lag", "processor=\"machine-list\"")).isZero();
            assertThat(sample(text, "harbormaster_dead_letters", "group=\"machine-list\"")).isZero();
        }
    }

    @Test
    void readinessGoesDownWhileTheDatabaseIsAwayAndLivenessDoesNot(@TempDir Path data) throws Exception {
        var postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        int port = postgres.getPort();
        var database = new TestPostgres.Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                "embedded PostgreSQL the test stops");
        try (var platform = RunningPlatform.startOn(database)) {
            var anonymous = platform.anonymous();
            ApiClient.await(() -> anonymous.get("/actuator/health/readiness"), r -> r.status() == 200);

            postgres.close();
            var down = anonymous.get("/actuator/health/readiness");
            assertThat(down.status()).as(down.body()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(anonymous.get("/actuator/health").status()).isEqualTo(503);
            var live = anonymous.get("/actuator/health/liveness");
            assertThat(live.status()).as("the process itself is fine: no restart wanted").isEqualTo(200);

            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                    .start();
            var back = ApiClient.await(() -> anonymous.get("/actuator/health/readiness"), r -> r.status() == 200);
            assertThat(back.text("status")).isEqualTo("UP");
        } finally {
            postgres.close();
        }
    }

    @Test
    void aSeparateManagementPortKeepsTheSameRules() throws Exception {
        int managementPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            managementPort = socket.getLocalPort();
        }
        try (var platform = RunningPlatform.startOnFreshDatabase("--management.server.port=" + managementPort,
                "--management.server.address=127.0.0.1")) {
            var base = "http://127.0.0.1:" + managementPort;
            var anonymous = new ApiClient(base, null, null);
            var readiness = ApiClient.await(() -> anonymous.get("/actuator/health/readiness"), r -> r.status() == 200);
            assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
            var admin = new ApiClient(base, "admin", RunningPlatform.ADMIN_PASSWORD);
            var metrics = admin.get("/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("harbormaster_machines{");
            assertThat(platform.admin().get("/actuator/prometheus").body())
                    .as("not on the application port any more").doesNotContain("harbormaster_machines");
        }
    }

    private static ApiClient member(RunningPlatform platform, ApiClient admin, String username) {
        var id = admin.post("/api/users", """
                {"username":"%s","displayName":"Ops Member","platformAdmin":false}""".formatted(username))
                .text("userId");
        assertThat(admin.put("/api/users/" + id + "/password", """
                {"password":"%s"}""".formatted(MEMBER_PASSWORD)).status()).isEqualTo(204);
        return platform.as(username, MEMBER_PASSWORD);
    }

    /** The value of the one sample of {@code metric} whose labels include all of {@code labels}. */
    private static double sample(String exposition, String metric, String... labels) {
        var matcher = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$").matcher(exposition);
        Double found = null;
        while (matcher.find()) {
            boolean all = true;
            for (var label : labels) {
                all &= matcher.group(1).contains(label);
            }
            if (all) {
                assertThat(found).as("one sample of " + metric + " with " + String.join(",", labels)).isNull();
                found = Double.parseDouble(matcher.group(2));
            }
        }
        assertThat(found).as(metric + " with " + String.join(",", labels) + " in:\n" + exposition).isNotNull();
        return found;
    }
}
