package io.harbormaster.standalone;

import static io.harbormaster.standalone.TestHostMachines.await;
import static io.harbormaster.standalone.TestHostMachines.awaitSettled;
import static io.harbormaster.standalone.TestHostMachines.createRequest;
import static io.harbormaster.standalone.TestHostMachines.history;
import static io.harbormaster.standalone.TestHostMachines.newKey;
import static io.harbormaster.standalone.TestHostMachines.publicKey;
import static io.harbormaster.standalone.TestHostMachines.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * Machine states tell the truth on a real host, with the reconciler every second: a provisioned generic machine whose
 * Docker Engine stops goes to Error saying the engine does not answer (a mutual-TLS {@code /_ping} with the machine's
 * own CA), and back to Running when it answers again; a host taken down is Error saying which address and port do
 * not answer since when, and Running again once it is back. A {@code none} machine on the same daemon is Error with
 * its reason when the daemon does not answer, and a {@code none} machine a user stopped stays Stopped although its
 * daemon answers. One host serves every test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MachineHealthIntegrationTest {

    private static final String HOST = "health-a";
    private static final String IP = "10.213.0.121";
    private static final String ENGINE = "tcp://" + IP + ":2376";
    /** A few reconciler passes (1 s apart, each probe waiting at most 2 s for a port and 5 s for a ping). */
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(30);
    /** The init script's stop, then whatever dockerd the provisioner may have started itself; waits until it is gone. */
    private static final String STOP_ENGINE = "service docker stop >/dev/null 2>&1; pkill -x dockerd; "
            + "for i in $(seq 100); do pgrep -x dockerd >/dev/null || exit 0; sleep 0.1; done; exit 1";
    /** As the provisioner starts it: the init script when it works, dockerd itself otherwise. */
    private static final String START_ENGINE = "(service docker start || nohup dockerd >/var/log/dockerd.log 2>&1 "
            + "</dev/null &) >/dev/null 2>&1 </dev/null";

    @TempDir
    static Path workstation;

    private static final List<TestHost> hosts = Collections.synchronizedList(new ArrayList<>());
    private static RunningPlatform platform;
    private static ApiClient admin;
    private static Path key;
    private static String generic;
    private static String none;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        key = newKey(workstation, "health");
        hosts.add(TestHosts.up(HOST, IP, publicKey(key)));
        platform = RunningPlatform.startOnFreshDatabase("--harbormaster.reconciler.interval=1s");
        admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        var created = admin.post("/api/machines", createRequest(team, "health-1", IP, read(key)));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        generic = created.text("machineId");
        var machine = awaitSettled(admin, generic, Duration.ofSeconds(90));
        assertThat(machine.text("state")).as(history(admin, generic).toString()).isEqualTo("Running");
        var daemon = admin.post("/api/machines", """
                {"team":"%s","name":"health-none","driver":"none","driverOptions":{"url":"%s"}}"""
                .formatted(team, ENGINE));
        assertThat(daemon.status()).as(daemon.body()).isEqualTo(202);
        none = daemon.text("machineId");
        assertThat(awaitSettled(admin, none, Duration.ofSeconds(30)).text("state")).isEqualTo("Running");
    }

    @AfterAll
    static void stop() {
        TestHostMachines.stopAll(platform, hosts);
    }

    @Test
    @Order(1)
    void aNoneMachineAUserStopped_staysStopped_althoughItsDaemonAnswers() throws Exception {
        assertThat(admin.post("/api/machines/" + none + "/stop", null).status()).isEqualTo(202);
        assertThat(await(() -> admin.get("/api/machines/" + none), r -> "Stopped".equals(r.text("state")),
                NOTICED_WITHIN).text("state")).isEqualTo("Stopped");

        Thread.sleep(5_000); // five reconciler passes, each seeing the daemon answer

        assertThat(admin.get("/api/machines/" + none).text("state")).isEqualTo("Stopped");
        assertThat(history(admin, none)).noneMatch(line -> line.startsWith("MachineStateObserved"));
        assertThat(admin.post("/api/machines/" + none + "/start", null).status()).isEqualTo(202);
        assertThat(await(() -> admin.get("/api/machines/" + none), r -> "Running".equals(r.text("state")),
                NOTICED_WITHIN).text("state")).isEqualTo("Running");
    }

    @Test
    @Order(2)
    void anEngineThatStopsAnswering_isError_withTheReason_andRunningOnceItAnswersAgain() {
        var stopped = System.nanoTime();
        var result = hosts.getLast().exec("sh", "-c", STOP_ENGINE);
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();

        var failed = awaitState(generic, "Error");
        var noticedMillis = (System.nanoTime() - stopped) / 1_000_000;
        assertThat(failed.text("lastError")).startsWith("Docker Engine not answering on " + ENGINE + " since ");
        assertThat(history(admin, generic)).anySatisfy(line -> assertThat(line).startsWith(
                "MachineStateObserved: observed Error (was Running): Docker Engine not answering on " + ENGINE
                        + " since "));
        var daemon = awaitState(none, "Error");
        assertThat(daemon.text("lastError")).startsWith("Docker daemon not answering on " + ENGINE + " since ");

        var restarted = System.nanoTime();
        result = hosts.getLast().exec("sh", "-c", START_ENGINE);
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();

        var back = awaitState(generic, "Running");
        var backMillis = (System.nanoTime() - restarted) / 1_000_000;
        assertThat(back.json().path("lastError").isNull() || back.json().path("lastError").isMissingNode()).isTrue();
        assertThat(history(admin, generic).getLast()).isEqualTo("MachineStateObserved: observed Running (was Error)");
        assertThat(awaitState(none, "Running").text("state")).isEqualTo("Running");
        System.out.println("[measure] engine stopped to Error: " + noticedMillis + " ms; started to Running: "
                + backMillis + " ms");
    }

    @Test
    @Order(3)
    void aHostThatIsDown_isError_namingTheAddressAndPort_andRunningOnceItIsBack() {
        var before = history(admin, generic).size();
        var host = hosts.getLast();
        host.powerOff();

        var failed = awaitState(generic, "Error");
        assertThat(failed.text("lastError")).startsWith("host " + IP + ":22 unreachable since ");
        var observed = history(admin, generic).subList(before, history(admin, generic).size());
        assertThat(observed).anySatisfy(line -> assertThat(line).startsWith(
                "MachineStateObserved: observed Error (was Running): host " + IP + ":22 unreachable since "));

        var down = System.nanoTime();
        host.powerOn();
        var back = awaitState(generic, "Running");
        System.out.println("[measure] host powered on to Running: " + (System.nanoTime() - down) / 1_000_000 + " ms");

        assertThat(back.json().path("lastError").isNull() || back.json().path("lastError").isMissingNode()).isTrue();
        assertThat(history(admin, generic).getLast()).startsWith("MachineStateObserved: observed Running (was Error)");
    }

    private static ApiClient.Response awaitState(String machineId, String state) {
        var response = await(() -> admin.get("/api/machines/" + machineId), r -> state.equals(r.text("state")),
                NOTICED_WITHIN);
        assertThat(response.text("state")).as(history(admin, machineId).toString()).isEqualTo(state);
        return response;
    }
}
