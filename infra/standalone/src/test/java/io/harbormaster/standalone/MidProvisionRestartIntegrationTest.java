package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform stops in the middle of provisioning a generic machine (while dockerd restarts, which a container that
 * ignores SIGTERM keeps busy for seconds), with a one-second grace for driver calls so the call is cut off like in a
 * crash. After the platform starts again the machine is not left in Provisioning: its creation is resumed and it
 * reaches Running.
 */
class MidProvisionRestartIntegrationTest {

    private static final String PASSWORD = "mid-provision-password";
    private static final String HOST_IP = "10.213.0.37";

    @TempDir
    static Path workstation;

    private static RunningPlatform platform;
    private static TestHost host;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        var key = workstation.resolve("id_ed25519");
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));
        host = TestHosts.up("mid-a", HOST_IP, Path.of(key + ".pub"));
        // a daemon that takes its time to restart: a container whose PID 1 ignores SIGTERM
        assertThat(host.exec("sh", "-c", "service docker start >/dev/null 2>&1 </dev/null; for i in $(seq 50); do "
                + "docker info >/dev/null 2>&1 && exit 0; sleep 0.2; done; exit 1").exitCode()).isZero();
        var image = TestHosts.busyboxImage(workstation);
        assertThat(host.execWithInput(image, "docker", "import", "-", "hm-busybox:test").exitCode()).isZero();
        assertThat(host.exec("docker", "run", "-d", "--network", "none", "hm-busybox:test", "sleep", "1000")
                .exitCode()).isZero();
        platform = RunningPlatform.startOnFreshDatabase("--harbormaster.drivers.shutdown-grace=1s");
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
    void aMachineCutOffMidProvisioning_isResumedAfterTheRestart_andReachesRunning() throws Exception {
        var team = platform.admin().post("/api/teams", "{\"name\":\"mid-team\"}").text("teamId");
        var created = platform.admin().post("/api/machines", """
                {"team":"%s","name":"mid-1","driver":"generic","driverOptions":{"ip-address":"%s"},"sshKey":%s}"""
                .formatted(team, HOST_IP, json(Files.readString(workstation.resolve("id_ed25519")))));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        var id = created.text("machineId");
        awaitTrue(() -> steps(id).contains("configure-daemon"), Duration.ofSeconds(60));

        platform.close(); // while dockerd is restarting
        assertThat(steps(id)).as("stopped before the daemon was verified").doesNotContain("verify");

        platform.start();
        awaitTrue(() -> "Running".equals(platform.admin().get("/api/machines/" + id).text("state")),
                Duration.ofSeconds(120));
        var starts = platform.jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id "
                + "AND payload_type LIKE '%.ProvisioningStarted'").param("id", id).query(Long.class).single();
        assertThat(starts).as("provisioning ran again after the restart").isGreaterThanOrEqualTo(2);
        // the history says why the steps repeat: the resumption comes between the cut-off steps and the new ones
        awaitTrue(() -> TestHostMachines.history(platform.admin(), id).stream()
                .anyMatch(line -> line.startsWith("MachineProvisioned")), Duration.ofSeconds(30));
        var history = TestHostMachines.history(platform.admin(), id);
        var resumed = history.indexOf("OperationResumed: create resumed after the platform restarted");
        assertThat(resumed).as(history.toString()).isPositive();
        assertThat(history.subList(0, resumed)).anyMatch(line -> line.endsWith("done: configure-daemon"));
        assertThat(history.subList(resumed, history.size())).anyMatch(line -> line.startsWith("ProvisioningStarted"))
                .anyMatch(line -> line.startsWith("MachineProvisioned"));
    }

    /** The provisioning steps recorded so far, read straight from the database (the platform may be stopped). */
    private static List<String> steps(String id) {
        try (var connection = java.sql.DriverManager.getConnection(platform.database().url(),
                platform.database().user(), platform.database().password());
             var statement = connection.prepareStatement("SELECT convert_from(payload, 'UTF8') FROM "
                     + "domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE "
                     + "'%.ProvisioningStepCompleted' ORDER BY global_index")) {
            statement.setString(1, id);
            var steps = new java.util.ArrayList<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var payload = rows.getString(1);
                    steps.add(payload.replaceAll(".*\"step\":\"([^\"]+)\".*", "$1"));
                }
            }
            return steps;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration within)
            throws InterruptedException {
        var deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(50);
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void run(List<String> command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }
}
