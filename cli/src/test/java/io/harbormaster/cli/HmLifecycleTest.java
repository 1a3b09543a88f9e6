package io.harbormaster.cli;

import static io.harbormaster.cli.MachineFixture.machine;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.VerbServer.Answer;
import io.harbormaster.cli.VerbServer.Event;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** start, stop, restart, kill, provision, upgrade, rm and regenerate-certs: the commands and the wait on the stream. */
class HmLifecycleTest {

    // the fixture's machine was last updated at 04:04:05; entries before that are history
    static final String BEFORE = "2026-01-02T04:00:00Z";
    static final String AFTER = "2026-01-02T04:10:00Z";

    private final VerbServer server = new VerbServer();
    private final Map<String, String> signedIn = Map.of("HM_URL", server.url(), "HM_TOKEN", "t0k3n");

    @AfterEach
    void stop() {
        server.close();
    }

    static Event entry(String cursor, String action, String summary, String correlationId, String occurredAt,
                       String state) {
        return new Event(cursor, action, """
                {"eventId":"e-%s","occurredAt":"%s","teamId":"t","machineId":"m","subject":"web-1","action":"%s",\
                "summary":"%s","actorId":"u","actorName":"alice","channel":"cli","correlationId":"%s","state":"%s"}"""
                .formatted(cursor, occurredAt, action, summary, correlationId, state));
    }

    private MachineFixture known(String name, String state) {
        var machine = machine(name).with("state", state);
        server.on("GET", "/api/machines/by-name\\?name=" + name, machine.answer());
        return machine;
    }

    @Test
    void startWaitsForItsOutcomeAndPrintsDockerMachinesLines() {
        var web = known("web-1", "Stopped");
        server.on("POST", "/api/machines/" + web.id + "/start", Answer.accepted(web.id, "c-42"));
        server.on("GET", "/api/machines/" + web.id + "/events", Answer.events(20,
                // last week's start failed and an earlier start succeeded: neither is about this start
                entry("1", "LifecycleOperationFailed", "start failed: old trouble (now Stopped)", "c-1", BEFORE,
                        "Stopped"),
                entry("2", "MachineStarted", "started", "c-2", BEFORE, "Running"),
                entry("3", "MachineStopped", "stopped", "c-3", BEFORE, "Stopped"),
                entry("4", "MachineStartRequested", "start requested", "c-42", AFTER, "Starting"),
                entry("5", "MachineStarted", "started", "c-42", AFTER, "Running")));

        var result = Hm.run(signedIn, "start", "web-1");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                Starting "web-1"...
                Machine "web-1" was started.
                Started machines may have new IP addresses. You may need to re-run the `hm env` command.
                """);
        assertThat(server.requests("GET", ".*/events").getFirst().query()).isEqualTo("after=0");
        assertThat(server.requests("POST", ".*/start").getFirst().header("X-Harbormaster-Channel")).isEqualTo("cli");
    }

    @Test
    void aFailedStartIsOneLineWithTheReasonAndExit1() {
        var web = known("web-1", "Stopped");
        server.on("POST", "/api/machines/" + web.id + "/start", Answer.accepted(web.id, "c-42"));
        server.on("GET", "/api/machines/" + web.id + "/events", Answer.events(0,
                entry("4", "MachineStartRequested", "start requested", "c-42", AFTER, "Starting"),
                entry("5", "LifecycleOperationFailed", "start failed: ssh: i/o timeout (now Stopped)", "c-42", AFTER,
                        "Stopped")));

        var result = Hm.run(signedIn, "start", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("Starting \"web-1\"...\n");
        assertThat(result.err()).isEqualTo("Machine \"web-1\": start failed: ssh: i/o timeout (now Stopped)\n");
    }

    @Test
    void startingARunningMachineIsDockerMachinesAlreadyRunningWithoutAsking() {
        known("web-1", "Running");

        var result = Hm.run(signedIn, "start", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("Starting \"web-1\"...\n");
        assertThat(result.err()).isEqualTo("Machine \"web-1\" is already running.\n");
        assertThat(server.requests("POST", ".*")).isEmpty();
    }

    @Test
    void stoppingAStoppedMachineIsAlreadyStopped() {
        known("web-1", "Stopped");

        var result = Hm.run(signedIn, "stop", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("Stopping \"web-1\"...\n");
        assertThat(result.err()).isEqualTo("Machine \"web-1\" is already stopped.\n");
    }

    @Test
    void aStopWhileOneIsUnderWayWaitsForThatOnesOutcome() {
        var web = known("web-1", "Stopping");
        // the server answers 202 and records nothing for this request: the earlier stop's outcome is the answer
        server.on("POST", "/api/machines/" + web.id + "/stop", Answer.accepted(web.id, "c-99"));
        server.on("GET", "/api/machines/" + web.id + "/events", Answer.events(0,
                entry("1", "MachineStopped", "stopped", "c-1", BEFORE, "Stopped"),
                entry("2", "MachineStartRequested", "start requested", "c-2", BEFORE, "Starting"),
                entry("3", "MachineStarted", "started", "c-2", BEFORE, "Running"),
                entry("4", "MachineStopRequested", "stop requested", "c-3", BEFORE, "Stopping"),
                entry("5", "MachineStopped", "stopped", "c-3", AFTER, "Stopped")));

        var result = Hm.run(signedIn, "stop", "web-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Stopping \"web-1\"...\nMachine \"web-1\" was stopped.\n");
    }

    @Test
    void killAndRestartPrintDockerMachinesLines() {
        var web = known("web-1", "Running");
        server.on("POST", "/api/machines/" + web.id + "/(kill|restart)", request -> Answer.accepted(web.id,
                request.path().endsWith("kill") ? "c-k" : "c-r"));
        server.on("GET", "/api/machines/" + web.id + "/events", Answer.events(0,
                entry("1", "MachineKilled", "killed", "c-k", AFTER, "Stopped"),
                entry("2", "MachineRestarted", "restarted", "c-r", AFTER, "Running")));

        assertThat(Hm.run(signedIn, "kill", "web-1").out()).isEqualTo("Killing \"web-1\"...\nMachine \"web-1\" was killed.\n");
        assertThat(Hm.run(signedIn, "restart", "web-1").out()).isEqualTo("""
                Restarting "web-1"...
                Restarted machines may have new IP addresses. You may need to re-run the `hm env` command.
                """);
    }

    @Test
    void aRefusedCommandIsTheServersDetail() {
        var web = known("web-1", "Starting");
        server.on("POST", "/api/machines/" + web.id + "/stop",
                Answer.problem(409, "Machine 'web-1' is Starting. Wait until it is Running, then stop it."));

        var result = Hm.run(signedIn, "stop", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Machine 'web-1' is Starting. Wait until it is Running, then stop it.\n");
        assertThat(server.requests("GET", ".*/events")).isEmpty();
    }

    @Test
    void aViewerIsToldByTheServer() {
        var web = known("web-1", "Stopped");
        server.on("POST", "/api/machines/" + web.id + "/start",
                Answer.problem(403, "You are a viewer in team 'platform'; ask an operator to start it."));

        var result = Hm.run(signedIn, "start", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("You are a viewer in team 'platform'; ask an operator to start it.\n");
    }

    @Test
    void severalMachinesAreWorkedOnTogetherAndOneFailureMeansExit1() {
        var a = known("a", "Running");
        var b = known("b", "Running");
        server.on("POST", "/api/machines/.*/stop", request -> Answer.accepted("x",
                request.path().contains(a.id) ? "c-a" : "c-b"));
        server.on("GET", "/api/machines/" + a.id + "/events", Answer.events(30,
                entry("1", "MachineStopped", "stopped", "c-a", AFTER, "Stopped")));
        server.on("GET", "/api/machines/" + b.id + "/events", Answer.events(0,
                entry("1", "LifecycleOperationFailed", "stop failed: driver said no (now Running)", "c-b", AFTER,
                        "Running")));

        var result = Hm.run(signedIn, "stop", "a", "b");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().lines()).containsExactlyInAnyOrder("Stopping \"a\"...", "Stopping \"b\"...",
                "Machine \"a\" was stopped.");
        assertThat(result.err()).isEqualTo("Machine \"b\": stop failed: driver said no (now Running)\n");
    }

    @Test
    void anUnknownNameAmongSeveralStopsEverythingBeforeAnyCommand() {
        known("a", "Running");
        server.on("GET", "/api/machines/by-name\\?name=nope", Answer.problem(404, "No machine named 'nope'"));

        var result = Hm.run(signedIn, "stop", "a", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("Host does not exist: \"nope\" (No machine named 'nope')\n");
        assertThat(server.requests("POST", ".*")).isEmpty();
    }

    @Test
    void noWaitReturnsOnceAccepted() {
        var web = known("web-1", "Stopped");
        server.on("POST", "/api/machines/" + web.id + "/start", Answer.accepted(web.id, "c-1"));

        var result = Hm.run(signedIn, "start", "--no-wait", "web-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                Starting "web-1"...
                The start of "web-1" was accepted; not waiting for it (hm status web-1 shows how it goes).
                """);
        assertThat(server.requests("GET", ".*/events")).isEmpty();
    }

    @Test
    void aStreamThatBreaksOffIsOpenedAgainAfterTheLastCursor() {
        var web = known("web-1", "Stopped");
        server.on("POST", "/api/machines/" + web.id + "/start", Answer.accepted(web.id, "c-42"));
        server.on("GET", "/api/machines/" + web.id + "/events", request -> request.query().equals("after=0")
                ? Answer.events(0, entry("7", "MachineStartRequested", "start requested", "c-42", AFTER, "Starting"))
                : Answer.events(0, entry("8", "MachineStarted", "started", "c-42", AFTER, "Running")));

        var result = Hm.run(signedIn, "start", "web-1");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests("GET", ".*/events")).extracting(VerbServer.Request::query)
                .containsExactly("after=0", "after=7");
    }

    @Test
    void aStreamThatKeepsEndingWithoutNewsIsGivenUpOnWithAMessage() {
        var web = known("web-1", "Stopped");
        server.on("POST", "/api/machines/" + web.id + "/start", Answer.accepted(web.id, "c-42"));
        server.on("GET", "/api/machines/" + web.id + "/events", Answer.events(0,
                entry("7", "MachineStartRequested", "start requested", "c-42", AFTER, "Starting")));

        var result = Hm.run(signedIn, "start", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("The event stream from " + server.url() + " ended before the start of "
                + "\"web-1\" finished; the server goes on with it: see hm status, or hm history.\n");
        assertThat(server.requests("GET", ".*/events")).hasSize(4);
    }

    @Test
    void aServerWithoutTheEventStreamSaysToUseNoWait() {
        var web = known("web-1", "Stopped");
        server.on("POST", "/api/machines/" + web.id + "/start", Answer.accepted(web.id, "c-42"));

        var result = Hm.run(signedIn, "start", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Harbormaster at " + server.url() + " accepted it but has no event stream")
                .contains("--no-wait");
    }

    @Test
    void provisionPrintsTheStepsAsTheyComeAndEndsWithTheOutcome() {
        var web = known("web-1", "Error");
        server.on("POST", "/api/machines/" + web.id + "/provision", Answer.accepted(web.id, "c-p"));
        server.on("GET", "/api/machines/" + web.id + "/events", Answer.events(10,
                entry("1", "ProvisioningStepCompleted", "provisioning step 2/6 done: install-docker", "c-0", BEFORE,
                        "Provisioning"),
                entry("2", "ProvisioningFailed", "provisioning failed at push-certs: disk full", "c-0", BEFORE, "Error"),
                entry("3", "MachineProvisionRequested", "provisioning requested", "c-p", AFTER, "Provisioning"),
                entry("4", "ProvisioningStarted", "provisioning started on ubuntu", "c-p", AFTER, "Provisioning"),
                entry("5", "ProvisioningStepCompleted", "provisioning step 1/6 done: detect-os", "c-p", AFTER,
                        "Provisioning"),
                entry("6", "ProvisioningStepCompleted", "provisioning step 2/6 done: install-docker", "c-p", AFTER,
                        "Provisioning"),
                entry("7", "ProvisioningStepCompleted", "provisioning step 3/6 done: push-certs", "c-p", AFTER,
                        "Provisioning"),
                entry("8", "MachineProvisioned", "provisioned; Docker Engine at tcp://10.0.0.5:2376", "c-p", AFTER,
                        "Running")));

        var result = Hm.run(signedIn, "provision", "web-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                Provisioning with ubuntu...
                Detecting the provisioner...
                Installing Docker...
                Copying certs to the remote machine...
                """);
    }

    @Test
    void upgradePrintsWhatTheServerUpgraded() {
        var web = known("web-1", "Running");
        server.on("POST", "/api/machines/" + web.id + "/upgrade", Answer.accepted(web.id, "c-u"));
        server.on("GET", "/api/machines/" + web.id + "/events", Answer.events(0,
                entry("1", "EngineUpgradeRequested", "Docker Engine upgrade requested", "c-u", AFTER, "Running"),
                entry("2", "EngineUpgraded", "Docker Engine upgraded from 26.1.0 to 27.3.1", "c-u", AFTER,
                        "Running")));

        var result = Hm.run(signedIn, "upgrade", "web-1");

        assertThat(result.out()).isEqualTo("Upgrading docker on \"web-1\"...\nDocker Engine upgraded from 26.1.0 to 27.3.1\n");
    }

    @Test
    void rmWithYesRemovesAndWaitsForTheRemoval() {
        var web = known("web-1", "Running");
        server.on("DELETE", "/api/machines/" + web.id, Answer.accepted(web.id, "c-rm"));
        server.on("GET", "/api/machines/" + web.id + "/events", Answer.events(0,
                entry("1", "RemovalFailed", "removal failed: an older attempt", "c-0", BEFORE, "Error"),
                entry("2", "MachineRemovalRequested", "removal requested", "c-rm", AFTER, "Removing"),
                entry("3", "MachineRemoved", "removed", "c-rm", AFTER, "Removed")));

        var result = Hm.run(signedIn, "rm", "-y", "web-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                About to remove web-1
                WARNING: This action will delete both local reference and remote instance.
                Successfully removed web-1
                """);
        assertThat(server.requests("DELETE", ".*").getFirst().query()).isEqualTo("force=false");
    }

    @Test
    void rmWithoutYesInAScriptRemovesNothingAndSaysWhy() {
        known("web-1", "Running");

        var result = Hm.run(signedIn, "rm", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("hm rm asks before removing; without a terminal to ask on, pass -y "
                + "(nothing was removed)\n");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void rmAsksAtATerminal() {
        var web = known("web-1", "Running");
        server.on("DELETE", "/api/machines/" + web.id, Answer.accepted(web.id, "c-rm"));
        server.on("GET", "/api/machines/" + web.id + "/events", Answer.events(0,
                entry("3", "MachineRemoved", "removed", "c-rm", AFTER, "Removed")));

        var no = HmTerminal.run(signedIn, "n\n", "rm", "web-1", "web-2");

        assertThat(no.exitCode()).isZero();
        assertThat(no.out()).isEqualTo("""
                About to remove web-1, web-2
                WARNING: This action will delete both local reference and remote instance.
                Are you sure? (y/n): \
                """);
        assertThat(server.requests).isEmpty();

        var yes = HmTerminal.run(signedIn, "Y\n", "rm", "web-1");

        assertThat(yes.exitCode()).isZero();
        assertThat(yes.out()).endsWith("Are you sure? (y/n): Successfully removed web-1\n");
    }

    @Test
    void rmForceAsksTheServerToForgetTheMachineEvenIfTheDriverFails() {
        var web = known("web-1", "Error");
        server.on("DELETE", "/api/machines/" + web.id, Answer.accepted(web.id, "c-rm"));
        server.on("GET", "/api/machines/" + web.id + "/events", Answer.events(0,
                entry("3", "MachineRemoved", "removed", "c-rm", AFTER, "Removed")));

        var result = Hm.run(signedIn, "rm", "-f", "web-1");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests("DELETE", ".*").getFirst().query()).isEqualTo("force=true");
    }

    @Test
    void rmReportsEachFailureAndGoesOn() {
        var web = known("web-1", "Running");
        var db = known("db-1", "Running");
        server.on("GET", "/api/machines/by-name\\?name=nope", Answer.problem(404, "No machine named 'nope'"));
        server.on("DELETE", "/api/machines/.*", request -> Answer.accepted("x",
                request.path().contains(web.id) ? "c-w" : "c-d"));
        server.on("GET", "/api/machines/" + web.id + "/events", Answer.events(0,
                entry("1", "RemovalFailed", "removal failed: host unreachable", "c-w", AFTER, "Error")));
        server.on("GET", "/api/machines/" + db.id + "/events", Answer.events(0,
                entry("1", "MachineRemoved", "removed", "c-d", AFTER, "Removed")));

        var result = Hm.run(signedIn, "rm", "-y", "web-1", "nope", "db-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).endsWith("Successfully removed db-1\n");
        assertThat(result.err()).isEqualTo("""
                Error removing host "web-1": removal failed: host unreachable
                Error removing host "nope": Host does not exist: "nope" (No machine named 'nope')
                """);
    }

    @Test
    void regenerateCertsAsksAtATerminalWithDockerMachinesQuestion() {
        var web = known("web-1", "Running");
        server.on("POST", "/api/machines/" + web.id + "/regenerate-certs", Answer.json("""
                {"caRotated":false,"caFingerprint":"SHA256:x","serverSerial":"01","notAfter":"2027-01-02T00:00:00Z"}"""));
        installedAfterwards(web);

        var result = HmTerminal.run(signedIn, "y\n", "regenerate-certs", "web-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Regenerate TLS machine certs?  Warning: this is irreversible. (y/n): "
                + "Regenerating TLS certificates\n"
                + "Machine \"web-1\" has new certificates, valid until 2027-01-02T00:00:00Z.\n");
        assertThat(server.requests("POST", ".*").getFirst().body()).isEmpty();
    }

    /** The server pushes the new certificates to the host after answering; the verb waits for that. */
    private void installedAfterwards(MachineFixture web) {
        server.on("GET", "/api/machines/" + web.id + "/events", Answer.events(0,
                entry("1", "CertsInstalled", "certificates (version 1) installed", "c-1", BEFORE, "Running"),
                entry("2", "CertsRegenerated", "certificates regenerated", "c-42", AFTER, "Running"),
                entry("3", "CertsInstalled", "certificates (version 2) installed", "c-42", AFTER, "Running")));
    }

    @Test
    void regenerateCertsWaitsUntilTheHostHasThem_andSaysWhenInstallingFailed() {
        var web = known("web-1", "Running");
        server.on("POST", "/api/machines/" + web.id + "/regenerate-certs", Answer.json("""
                {"caRotated":false,"notAfter":"2027-01-02T00:00:00Z"}"""));
        server.on("GET", "/api/machines/" + web.id + "/events", Answer.events(0,
                entry("1", "CertsInstalled", "certificates (version 1) installed", "c-1", BEFORE, "Running"),
                entry("2", "CertsInstallFailed", "host 10.0.0.5:22 unreachable", "c-42", AFTER, "Running")));

        var result = Hm.run(signedIn, "regenerate-certs", "-f", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Machine \"web-1\" has new certificates, but installing them on the host "
                + "failed (host 10.0.0.5:22 unreachable); fix the host and run hm regenerate-certs -f web-1 again.\n");
    }

    @Test
    void regenerateCertsInAScriptNeedsForce() {
        var result = Hm.run(signedIn, "regenerate-certs", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("hm regenerate-certs asks before replacing certificates; without a terminal "
                + "to ask on, pass -f (nothing was changed)\n");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void regenerateCertsWithClientCertsRotatesTheCa() {
        var web = known("web-1", "Running");
        var calls = new AtomicInteger();
        server.on("POST", "/api/machines/" + web.id + "/regenerate-certs", request -> {
            calls.incrementAndGet();
            return Answer.json("{\"caRotated\":true,\"notAfter\":\"2027-01-02T00:00:00Z\"}");
        });
        installedAfterwards(web);

        var result = Hm.run(signedIn, "regenerate-certs", "-f", "--client-certs", "web-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                Regenerating TLS certificates
                Regenerating local certificates
                Machine "web-1" has new certificates and a new CA, valid until 2027-01-02T00:00:00Z.
                """);
        assertThat(server.requests("POST", ".*").getFirst().body()).isEqualTo("{\"rotateCa\":true}");
        assertThat(calls).hasValue(1);
    }
}
