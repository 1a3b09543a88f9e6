package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.testing.TestHosts;
import io.harbormaster.testing.ec2.Ec2Request;
import io.harbormaster.testing.ec2.Ec2StandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
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
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 end to end: the real platform, the EC2 stand-in (whose instances are real test hosts) and the real
 * {@code docker} client. A team owner adds the team's AWS credential and creates an {@code amazonec2} machine through
 * the REST API; the platform provisions it over SSH like a generic machine, and a second member of the team runs
 * containers on it through {@code hm env}. A stop and start gives the instance a new public IP, which the platform
 * notices by itself (new server certificate, installed over SSH): the same {@code docker} command works again and the
 * container with a restart policy runs again. A rotated credential is what the next operation signs with. A create
 * that finds no capacity ends in Error with plain words and leaves nothing in EC2. Removing the machine terminates the
 * instance, deletes its key pair and security group and its secrets, and keeps its history. No AWS secret shows up in
 * an event, a table, a log line or an API answer.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AmazonEc2MachineIntegrationTest {

    private static final String PASSWORD = "ec2-e2e-password-for-tests";
    private static final String MACHINE = "e2e-ec2-1";
    private static final String OLD_KEY_ID = "AKIAE2EOLDKEY0000001";
    private static final String OLD_SECRET = "1MULwJodFX1GOZrhrztAQpiN0k8s0Rc3VgTg9VaZ";
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzE2EoldSESSIONtokenq1w2e3r4t5y6u7i8o9p0";
    private static final String NEW_KEY_ID = "AKIAE2ENEWKEY0000002";
    private static final String NEW_SECRET = "EoBFUhIiJyqGNSOvQmIQbgSc7I8gzNHj/crZ/Yxz";
    /** Test-host addresses kept for this class: the driver tests' stand-in uses .100–.139, other tests others. */
    private static final List<String> ADDRESSES = IntStream.rangeClosed(220, 239).mapToObj(n -> "10.213.0." + n)
            .toList();

    @TempDir
    static Path workspace;

    private static Ec2StandIn ec2;
    private static RunningPlatform platform;
    private static String team;
    private static ApiClient alice;
    private static HmWorkstation bob;
    private static String machineId;
    private static String instanceId;
    private static String firstAddress;
    /** Every answer of the API and every command output of this test, for the secret scan. */
    private static final List<String> answers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        ec2 = new Ec2StandIn("us-east-1", ADDRESSES).addAccessKey(OLD_KEY_ID, OLD_SECRET);
        // the reconciler stays off (the tests' default): the start itself must notice the new address
        platform = RunningPlatform.startOnFreshDatabase(
                "--harbormaster.drivers.amazonec2.endpoint=" + ec2.endpoint(),
                "--harbormaster.drivers.amazonec2.sts-endpoint=" + ec2.endpoint(),
                "--harbormaster.drivers.amazonec2.poll-interval=100ms",
                "--harbormaster.drivers.amazonec2.wait-timeout=60s");
        var admin = platform.admin();
        team = admin.post("/api/teams", "{\"name\":\"ec2-team\"}").text("teamId");
        for (var user : List.of("alice:OWNER", "bob:MEMBER")) {
            var name = user.substring(0, user.indexOf(':'));
            var id = admin.post("/api/users", "{\"username\":\"%s\",\"displayName\":\"%s\"}".formatted(name, name))
                    .text("userId");
            admin.put("/api/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}");
            admin.post("/api/teams/" + team + "/members", "{\"userId\":\"%s\",\"role\":\"%s\"}"
                    .formatted(id, user.substring(user.indexOf(':') + 1)));
        }
        alice = platform.as("alice", PASSWORD);
    }

    @AfterAll
    static void stop() {
        try {
            if (platform != null) {
                platform.close();
            }
        } finally {
            if (ec2 != null) {
                ec2.close(); // terminates whatever a failed test left running: its hosts go down
            }
        }
    }

    @Test
    @Order(1)
    void anOwnerAddsTheTeamsCredential_andCreatesAMachineThatIsProvisionedToRunning() {
        var added = seen(alice.post("/api/teams/" + team + "/credentials", """
                {"name":"aws","type":"aws","accessKeyId":"%s","secretAccessKey":"%s","sessionToken":"%s",
                 "region":"us-east-1"}""".formatted(OLD_KEY_ID, OLD_SECRET, SESSION_TOKEN)));
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        var created = seen(alice.post("/api/machines", """
                {"team":"%s","name":"%s","driver":"amazonec2","driverOptions":{"amazonec2-credential":"aws",
                 "amazonec2-region":"us-east-1","amazonec2-instance-type":"t3.micro","amazonec2-ssh-user":"root"}}"""
                .formatted(team, MACHINE)));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        machineId = created.text("machineId");

        var machine = seen(TestHostMachines.awaitSettled(alice, machineId, Duration.ofSeconds(120)));
        var history = TestHostMachines.history(alice, machineId);
        assertThat(machine.text("state")).as(String.join("\n", history)).isEqualTo("Running");
        instanceId = instanceOf(machineId);
        firstAddress = ec2.instanceAddress(instanceId);
        assertThat(firstAddress).isIn(ADDRESSES);
        assertThat(machine.text("dockerUrl")).isEqualTo("tcp://" + firstAddress + ":2376");
        assertThat(ec2.instanceState(instanceId)).isEqualTo("running");
        // provisioned as a generic machine is: host key pinned on first contact, then the provisioner's steps
        assertThat(TestHostMachines.actions(history)).containsSubsequence("MachineCreated", "SshHostKeyPinned",
                "ProvisioningStarted", "ProvisioningStepCompleted", "MachineProvisioned", "CertsRegenerated");
        assertThat(ec2.requests()).allSatisfy(request -> assertThat(request.accessKeyId()).isEqualTo(OLD_KEY_ID));

        printCreateToRunning();
    }

    @Test
    @Order(2)
    void anotherMemberRunsTheRealDockerClientAgainstIt() {
        bob = new HmWorkstation(workspace.resolve("bob-laptop"));
        var login = bob.hmWithInput(PASSWORD + "\n", "login", platform.baseUrl(), "-u", "bob", "--password-stdin");
        assertThat(login.exitCode()).as(login.err()).isZero();
        var image = TestHosts.busyboxImage(workspace);

        var run = docker("docker import '" + image + "' busybox >/dev/null && docker run --rm --network none busybox "
                + "echo ok && docker run -d --restart always --network none --name keeper busybox sleep 3600 "
                + ">/dev/null && docker inspect -f '{{.State.Running}}' keeper");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("ok\ntrue\n");
    }

    @Test
    @Order(3)
    void aStopAndStartGivesANewPublicIp_whichThePlatformHealsWithoutAManualStep() {
        var stopped = seen(alice.post("/api/machines/" + machineId + "/stop", null));
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(202);
        awaitState("Stopped");
        assertThat(ec2.instanceState(instanceId)).isEqualTo("stopped");
        var installedBefore = count("CertsInstalled");
        var startedAt = System.nanoTime();

        var started = seen(alice.post("/api/machines/" + machineId + "/start", null));

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        var running = TestHostMachines.await(() -> alice.get("/api/machines/" + machineId),
                r -> "Running".equals(r.text("state")) && count("CertsInstalled") > installedBefore,
                Duration.ofSeconds(120));
        var healed = Duration.ofNanos(System.nanoTime() - startedAt);
        var history = TestHostMachines.history(alice, machineId);
        var secondAddress = ec2.instanceAddress(instanceId);
        assertThat(secondAddress).as("the stand-in gives a started instance another public IP")
                .isNotEqualTo(firstAddress).isIn(ADDRESSES);
        assertThat(running.text("state")).as(String.join("\n", history)).isEqualTo("Running");
        assertThat(running.text("dockerUrl")).isEqualTo("tcp://" + secondAddress + ":2376");
        assertThat(history).contains("IpChanged: address changed from " + firstAddress + " to " + secondAddress);
        assertThat(history).anyMatch(line -> line.startsWith("CertsRegenerated: certificates regenerated "
                + "(ip-changed"));
        System.out.println("[measure] amazonec2 start (new public IP) to Running with certificates installed: "
                + healed.toMillis() + " ms");

        // the very command of before, as the member types it: hm env now points at the new address
        var again = docker("docker run --rm --network none busybox echo ok && docker inspect -f "
                + "'{{.State.Running}}' keeper && echo \"$DOCKER_HOST\"");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo("ok\ntrue\ntcp://" + secondAddress + ":2376\n");
    }

    @Test
    @Order(4)
    void aRotatedCredentialIsWhatTheNextOperationSignsWith() {
        ec2.addAccessKey(NEW_KEY_ID, NEW_SECRET);
        var rotated = seen(alice.post("/api/teams/" + team + "/credentials/aws/rotate", """
                {"accessKeyId":"%s","secretAccessKey":"%s"}""".formatted(NEW_KEY_ID, NEW_SECRET)));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        // as on AWS, the old key is deactivated once the new one is in place
        ec2.removeAccessKey(OLD_KEY_ID);
        var before = ec2.requests().size();
        var restartsBefore = count("MachineRestarted");

        var restarted = seen(alice.post("/api/machines/" + machineId + "/restart", null));

        assertThat(restarted.status()).as(restarted.body()).isEqualTo(202);
        TestHostMachines.await(() -> alice.get("/api/machines/" + machineId),
                r -> count("MachineRestarted") > restartsBefore || count("LifecycleOperationFailed") > 0,
                Duration.ofSeconds(120));
        assertThat(TestHostMachines.history(alice, machineId)).noneMatch(line ->
                line.startsWith("LifecycleOperationFailed")).anyMatch(line -> line.startsWith("MachineRestarted"));
        var since = ec2.requests().subList(before, ec2.requests().size());
        assertThat(since).extracting(Ec2Request::action).contains("RebootInstances");
        assertThat(since).allSatisfy(request -> {
            assertThat(request.accessKeyId()).isEqualTo(NEW_KEY_ID);
            assertThat(request.accepted()).isTrue();
        });
        var afterReboot = docker("docker inspect -f '{{.State.Running}}' keeper");
        assertThat(afterReboot.out()).as(afterReboot.err()).isEqualTo("true\n");
    }

    @Test
    @Order(5)
    void aCreateWithoutCapacityEndsInErrorInPlainWords_andLeavesNothingInEc2() {
        // the SDK retries a 500 a few times: every attempt finds no capacity
        ec2.failNext("RunInstances", "InsufficientInstanceCapacity", "We currently do not have sufficient t3.micro "
                + "capacity in the Availability Zone you requested (us-east-1a).", 10);
        var groupsBefore = ec2.securityGroups().size();
        var keyPairsBefore = ec2.keyPairNames().size();
        var created = seen(alice.post("/api/machines", """
                {"team":"%s","name":"e2e-ec2-nocap","driver":"amazonec2","driverOptions":{"amazonec2-credential":"aws",
                 "amazonec2-instance-type":"t3.micro","amazonec2-ssh-user":"root",
                 "amazonec2-security-group":"e2e-nocap-sg"}}""".formatted(team)));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        var failedId = created.text("machineId");

        var machine = seen(TestHostMachines.awaitSettled(alice, failedId, Duration.ofSeconds(120)));
        ec2.clearFailures();

        assertThat(machine.text("state")).isEqualTo("Error");
        assertThat(machine.text("lastError")).contains("InsufficientInstanceCapacity",
                "no capacity for that instance type in that zone", "amazonec2-zone");
        var failure = TestHostMachines.history(alice, failedId).stream()
                .filter(line -> line.startsWith("ProvisioningFailed")).findFirst().orElseThrow();
        assertThat(failure).contains("removed what it had made: key pair e2e-ec2-nocap-" + failedId.substring(0, 8),
                "security group e2e-nocap-sg");
        assertThat(ec2.liveInstances()).containsExactly(instanceId);
        assertThat(ec2.keyPairNames()).hasSize(keyPairsBefore).noneMatch(name -> name.startsWith("e2e-ec2-nocap"));
        assertThat(ec2.securityGroups()).hasSize(groupsBefore).doesNotContainValue("e2e-nocap-sg");
    }

    @Test
    @Order(6)
    void removingTheMachineTerminatesItsInstance_deletesItsKeyPairGroupAndSecrets_andKeepsItsHistory() {
        var keyPair = MACHINE + "-" + machineId.substring(0, 8);
        assertThat(ec2.keyPairNames()).contains(keyPair);
        assertThat(ec2.securityGroups()).containsValue("docker-machine");
        var id = MachineId.of(machineId);
        var secrets = platform.bean(SecretStore.class);
        assertThat(secrets.read(SecretPath.machineTls(id))).isPresent();

        var removed = seen(alice.delete("/api/machines/" + machineId));

        assertThat(removed.status()).as(removed.body()).isEqualTo(202);
        var gone = TestHostMachines.await(() -> alice.get("/api/machines/" + machineId), r -> r.status() == 404,
                Duration.ofSeconds(120));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(ec2.instanceState(instanceId)).isEqualTo("terminated");
        assertThat(ec2.liveInstances()).isEmpty();
        assertThat(ec2.keyPairNames()).doesNotContain(keyPair);
        assertThat(ec2.securityGroups()).as("the group the driver made").doesNotContainValue("docker-machine");
        assertThat(secrets.read(SecretPath.machineTls(id))).as("TLS material").isEmpty();
        assertThat(secrets.read(SecretPath.machineSsh(id))).as("SSH key").isEmpty();
        assertThat(secrets.read(SecretPath.machineSshUserCa(id))).as("SSH user CA").isEmpty();
        var history = TestHostMachines.history(alice, machineId);
        assertThat(TestHostMachines.actions(history)).containsSubsequence("MachineCreated", "MachineProvisioned",
                "IpChanged", "MachineRestarted", "MachineRemovalRequested", "MachineRemoved");
        var audit = seen(alice.get("/api/teams/" + team + "/audit?size=200"));
        assertThat(audit.body()).contains("cloud credential 'aws' rotated", MACHINE);
    }

    @Test
    @Order(7)
    void noAwsSecretIsInAnEventATableALogLineOrAnApiAnswer(CapturedOutput output) {
        var secrets = List.of(OLD_SECRET, NEW_SECRET, SESSION_TOKEN, OLD_SECRET.substring(10, 30),
                NEW_SECRET.substring(10, 30), SESSION_TOKEN.substring(10, 40));
        answers.add(seen(alice.get("/api/teams/" + team + "/credentials")).body());
        answers.add(seen(alice.get("/api/teams/" + team + "/credentials/aws")).body());

        var stored = NoSecretLeaksIntegrationTest.everythingStoredExceptSecretTables(platform);
        var printed = output.getAll();

        assertThat(stored).contains("aws", "0001", "0002"); // the keys' last four, as the listing shows them
        assertThat(printed).isNotEmpty();
        for (var secret : secrets) {
            assertThat(stored).as("events and tables").doesNotContain(secret);
            assertThat(printed).as("log").doesNotContain(secret);
            assertThat(answers).as("API answers and command outputs").noneMatch(body -> body.contains(secret));
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Create to Running against the stand-in, split by step: the machine's history (event times) and the stand-in's
     * request log (when each EC2 call was answered) on one clock.
     */
    private static void printCreateToRunning() {
        var items = alice.get("/api/machines/" + machineId + "/history?size=100").json().path("items")
                .valueStream().toList().reversed();
        var marks = new ArrayList<Mark>();
        var created = at(items, "MachineCreated");
        var requests = ec2.requests();
        marks.add(new Mark("first EC2 call answered (platform: command, event, driver call)",
                requests.getFirst().answeredAt()));
        var launch = requests.stream().filter(r -> r.action().equals("RunInstances")).findFirst().orElseThrow();
        marks.add(new Mark("RunInstances answered (subnet, image, key pair, security group)", launch.answeredAt()));
        var pinned = at(items, "SshHostKeyPinned");
        var lastPoll = requests.stream().filter(r -> r.action().equals("DescribeInstances"))
                .filter(r -> r.answeredAt().isBefore(pinned)).reduce((a, b) -> b).orElseThrow();
        marks.add(new Mark("instance running (waiting for pending -> running)", lastPoll.answeredAt()));
        marks.add(new Mark("SSH host key pinned (first CA and server certificate, SSH connect)", pinned));
        for (var item : items) {
            var action = item.path("action").asString();
            if (List.of("ProvisioningStarted", "ProvisioningStepCompleted", "SshUserCaInstalled",
                    "MachineProvisioned", "CertsRegenerated").contains(action)) {
                marks.add(new Mark(action + ": " + item.path("summary").asString(),
                        Instant.parse(item.path("occurredAt").asString())));
            }
        }
        var previous = created;
        System.out.println("[measure] amazonec2 create to Running against the EC2 stand-in, by step:");
        for (var mark : marks) {
            System.out.printf("[measure]   %6d ms  (+%5d ms)  %s%n", Duration.between(created, mark.at()).toMillis(),
                    Duration.between(previous, mark.at()).toMillis(), mark.what());
            previous = mark.at();
        }
    }

    private record Mark(String what, Instant at) {
    }

    private static Instant at(List<JsonNode> items, String action) {
        return items.stream().filter(i -> i.path("action").asString().equals(action)).findFirst()
                .map(i -> Instant.parse(i.path("occurredAt").asString())).orElseThrow();
    }

    /** The stand-in's instance tagged with the machine's id, as the driver tags it. */
    private static String instanceOf(String machine) {
        return ec2.liveInstances().stream()
                .filter(id -> machine.equals(ec2.instanceTags(id).get("harbormaster-machine-id")))
                .findFirst().orElseThrow(() -> new AssertionError("no instance for machine " + machine));
    }

    /** Bob's shell on his laptop: {@code hm env} for the machine, then the docker commands. */
    private static HmWorkstation.Run docker(String commands) {
        var run = bob.shell("bash", "eval \"$(hm env " + MACHINE + ")\" && " + commands);
        answers.add(run.out());
        answers.add(run.err());
        return run;
    }

    private static void awaitState(String state) {
        var machine = TestHostMachines.await(() -> alice.get("/api/machines/" + machineId),
                r -> state.equals(r.text("state")), Duration.ofSeconds(120));
        assertThat(machine.text("state")).as(machine.body()).isEqualTo(state);
    }

    private static long count(String eventType) {
        return platform.jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id AND "
                + "payload_type LIKE :type").param("id", machineId).param("type", "%." + eventType)
                .query(Long.class).single();
    }

    private static ApiClient.Response seen(ApiClient.Response response) {
        answers.add(response.body());
        return response;
    }
}
