package io.harbormaster.standalone;

import static io.harbormaster.standalone.TestHostMachines.await;
import static io.harbormaster.standalone.TestHostMachines.awaitSettled;
import static io.harbormaster.standalone.TestHostMachines.createRequest;
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
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the platform, each a process of its own, on one PostgreSQL of Debian's, with secrets in the Vault
 * stand-in and Debian's HAProxy in front (the deployment's configuration, readiness checks): the faults a fleet meets,
 * with real processes and real hosts. Each test leaves the cluster whole again for the next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasBehindALoadBalancerIntegrationTest {

    private static final String MACHINE_PROCESSES = "machine-processes";
    private static final int MACHINES = 10;

    @TempDir
    static Path workstation;

    private static ReplicaCluster cluster;
    private static String team;
    private static final List<String> members = new ArrayList<>();

    @BeforeAll
    static void start() {
        cluster = ReplicaCluster.start(2);
        var admin = cluster.admin();
        team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        for (var name : List.of("rita", "sam")) {
            var user = admin.post("/api/users", """
                    {"username":"%s","displayName":"%s","platformAdmin":false}""".formatted(name, name));
            assertThat(user.status()).as(user.body()).isEqualTo(201);
            var member = admin.post("/api/teams/" + team + "/members", """
                    {"userId":"%s","role":"MEMBER"}""".formatted(user.text("userId")));
            assertThat(member.status()).as(member.body()).isBetween(200, 204);
            members.add(user.text("userId"));
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void replicasStartedTogetherOnAnEmptyDatabase_makeOneFirstAdminAndOneDefaultTeam() {
        // ReplicaCluster found exactly one replica that printed a one-time password, and signed in with it
        assertThat(cluster.jdbc().sql("SELECT count(*) FROM sec_account WHERE username = 'admin'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(cluster.jdbc().sql("SELECT count(*) FROM cmd_teams WHERE name = 'default'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(cluster.balancer().readyServers()).containsOnly(Map.entry("harbormaster-1", "UP"),
                Map.entry("harbormaster-2", "UP"));
    }

    /**
     * Both hand-offs name the version the client read (If-Match) and go to different replicas at the same moment:
     * one wins, the other is a conflict, never a 500, and the machine's history has the winner's hand-off only.
     */
    @Test
    @Order(2)
    void twoConflictingHandOffsSentToTwoReplicasAtOnce_exactlyOneWins() throws Exception {
        var admin = cluster.admin();
        for (int round = 0; round < 3; round++) {
            var id = admin.post("/api/machines", """
                    {"team":"%s","name":"handoff-%d","driver":"none","driverOptions":{"url":"tcp://10.213.0.82:2376"}}"""
                    .formatted(team, round)).text("machineId");
            await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")),
                    Duration.ofSeconds(30));
            var version = admin.get("/api/machines/" + id).etag();
            var start = new CountDownLatch(1);
            var answers = new ArrayList<Future<ApiClient.Response>>();
            try (var pool = Executors.newFixedThreadPool(2)) {
                for (int i = 0; i < 2; i++) {
                    var replica = cluster.adminOn(cluster.replica(i + 1));
                    var to = members.get(i);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return replica.post("/api/machines/" + id + "/handoff", """
                                {"to":"%s","revokePreviousHolder":true}""".formatted(to), version);
                    }));
                }
                start.countDown();
                var statuses = new ArrayList<Integer>();
                String winner = null;
                for (int i = 0; i < 2; i++) {
                    var answer = answers.get(i).get();
                    statuses.add(answer.status());
                    if (answer.status() == 200) {
                        winner = members.get(i);
                    } else {
                        assertThat(answer.contentType()).as(answer.body()).contains("application/problem+json");
                    }
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
                var events = eventsOf(id);
                assertThat(events.stream().filter(type -> type.endsWith(".MachineHandedOff")).count()).isEqualTo(1);
                assertThat(events.stream().filter(type -> type.endsWith(".CertsRenewalRequested")).count())
                        .isEqualTo(1);
                var holder = winner;
                await(() -> admin.get("/api/machines/" + id), r -> holder.equals(r.text("holderId")),
                        Duration.ofSeconds(10));
                assertContiguous(id);
            }
        }
    }

    /**
     * Stops and starts of one machine sent to both replicas at once: the event store's sequence constraint serializes
     * them across processes. Every answer is 202 or a clear 409, never a 500; the machine's stream has no gap; and
     * every stop or start recorded as requested is carried out exactly once (by whichever replica's processes hold
     * the machine).
     */
    @Test
    @Order(3)
    void commandsOnOneMachineThroughBothReplicasAtOnce_areSerialized_neverA500() throws Exception {
        var admin = cluster.admin();
        var id = admin.post("/api/machines", """
                {"team":"%s","name":"both-replicas","driver":"none","driverOptions":{"url":"tcp://10.213.0.82:2376"}}"""
                .formatted(team)).text("machineId");
        await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")), Duration.ofSeconds(30));
        var statuses = new ConcurrentLinkedQueue<Integer>();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(4)) {
            var sent = new ArrayList<Future<?>>();
            for (int t = 0; t < 4; t++) {
                var replica = cluster.adminOn(cluster.replica(t % 2 + 1));
                var verb = t < 2 ? "stop" : "start";
                sent.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 8; i++) {
                        var answer = replica.post("/api/machines/" + id + "/" + verb, "{}");
                        statuses.add(answer.status());
                        if (answer.status() != 202) {
                            assertThat(answer.contentType()).as(answer.body()).contains("application/problem+json");
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : sent) {
                future.get();
            }
        }
        assertThat(statuses).as("202 or a conflict, never a 500").allMatch(status -> status == 202 || status == 409);
        assertThat(statuses).contains(202);
        await(() -> admin.get("/api/machines/" + id), r -> {
            var events = eventsOf(id);
            var requested = events.stream().filter(type -> type.endsWith("StopRequested")
                    || type.endsWith("StartRequested")).count();
            var done = events.stream().filter(type -> type.endsWith(".MachineStopped")
                    || type.endsWith(".MachineStarted")).count();
            return requested == done && List.of("Running", "Stopped").contains(r.text("state"));
        }, Duration.ofSeconds(60));
        assertContiguous(id);
    }

    /**
     * The replica that carries out provisioning is killed (SIGKILL) while ten generic machines are being provisioned
     * on ten test hosts. The survivor takes the work over once the dead replica's claims time out: every machine
     * ends Running or in Error with a reason, none stays in Provisioning, none is provisioned twice (a second start
     * of provisioning only where the history says the interrupted one was resumed), and no event is lost (every
     * machine's stream is gapless and every processor reaches the head of the store).
     */
    @Test
    @Order(4)
    void aReplicaKilledWhileProvisioningTenMachines_leavesEveryMachineSettledAndNoneProvisionedTwice()
            throws Exception {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        var keyFile = newKey(workstation, "replicas-key");
        var key = read(keyFile);
        var hosts = Collections.synchronizedList(new ArrayList<TestHost>());
        try {
            try (var pool = Executors.newFixedThreadPool(MACHINES)) {
                var ups = new ArrayList<Future<?>>();
                for (int n = 0; n < MACHINES; n++) {
                    var name = "fault-%02d".formatted(n);
                    var ip = hostIp(n);
                    ups.add(pool.submit(() -> hosts.add(TestHosts.up(name, ip, publicKey(keyFile)))));
                }
                for (var up : ups) {
                    up.get();
                }
            }
            var victim = cluster.owner(MACHINE_PROCESSES, 0).orElseThrow();
            var admin = cluster.admin();
            var ids = new ArrayList<String>();
            try (var pool = Executors.newFixedThreadPool(MACHINES)) {
                var creates = new ArrayList<Future<ApiClient.Response>>();
                for (int n = 0; n < MACHINES; n++) {
                    var body = createRequest(team, "fault-%02d".formatted(n), hostIp(n), key);
                    creates.add(pool.submit(() -> admin.post("/api/machines", body)));
                }
                for (var create : creates) {
                    var answer = create.get();
                    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
                    ids.add(answer.text("machineId"));
                }
            }
            // in the middle: some machines' provisioning has begun, and not every machine is done
            await(() -> null, ignored -> startedProvisionings(ids) >= 3, Duration.ofSeconds(60));
            assertThat(provisioned(ids)).as("killed before every machine was provisioned").isLessThan(MACHINES);
            victim.kill();
            var killedAt = System.nanoTime();

            for (var id : ids) {
                var machine = awaitSettled(admin, id, Duration.ofMinutes(3));
                assertThat(machine.text("state")).as(machine.body()).isIn("Running", "Error");
                if (machine.text("state").equals("Error")) {
                    assertThat(machine.text("lastError")).as("the reason of " + id).isNotBlank();
                }
            }
            System.out.printf("[replicas] %d machines settled %.1f s after %s was killed%n", MACHINES,
                    (System.nanoTime() - killedAt) / 1e9, victim.name());
            var resumed = ids.stream().filter(id -> count(eventsOf(id), ".OperationResumed") > 0).count();
            System.out.printf("[replicas] %d of %d machines had their provisioning resumed by the survivor%n",
                    resumed, MACHINES);
            for (var id : ids) {
                var events = eventsOf(id);
                var resumptions = count(events, ".OperationResumed");
                assertThat(resumptions).as("resumed at most once: %s", events).isLessThanOrEqualTo(1);
                assertThat(count(events, ".ProvisioningStarted"))
                        .as("provisioning of %s started again only where it was resumed: %s", id, events)
                        .isLessThanOrEqualTo(1 + resumptions);
                assertThat(count(events, ".MachineProvisioned")).as("provisioned once: %s", events).isEqualTo(1);
                if (resumptions == 1) {
                    assertThat(events.subList(0, events.indexOf("io.harbormaster.api.machine.OperationResumed")))
                            .as("only an unfinished provisioning is resumed")
                            .doesNotContain("io.harbormaster.api.machine.MachineProvisioned");
                }
                assertContiguous(id);
            }
            assertThat(cluster.jdbc().sql("SELECT count(*) FROM dead_letter_entry").query(Long.class).single())
                    .isZero();
            awaitProcessorsAtHead();
        } finally {
            TestHostMachines.downAll(hosts);
            for (var replica : cluster.replicas()) {
                if (!replica.alive()) {
                    replica.restart();
                    replica.awaitReady(Duration.ofMinutes(3));
                    cluster.balancer().awaitServer(replica.name(), "UP", Duration.ofSeconds(20));
                }
            }
        }
    }

    /**
     * A hundred clients send creations through the load balancer while PostgreSQL restarts. Every creation answered
     * 202 is in the event store afterwards; the others got a clear answer (503 with a problem document), never a
     * 500; and the platform creates machines again within 10 s of the restart.
     */
    @Test
    @Order(5)
    void postgresRestartedUnderAHundredClients_losesNoAcceptedCommand_andServesAgainWithinTenSeconds()
            throws Exception {
        var admin = cluster.admin();
        var accepted = new ConcurrentLinkedQueue<String>();
        var refused = new ConcurrentLinkedQueue<String>();
        var running = new AtomicBoolean(true);
        var restartedAt = new AtomicLong(Long.MAX_VALUE);
        var firstAcceptedAfterRestart = new AtomicLong(Long.MAX_VALUE);
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < 100; c++) {
                var client = c;
                clients.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        var sent = System.nanoTime();
                        ApiClient.Response answer;
                        try {
                            answer = admin.post("/api/machines", """
                                    {"team":"%s","name":"pg-%d-%d","driver":"none","driverOptions":{"url":"tcp://10.213.0.82:2376"}}"""
                                    .formatted(team, client, n));
                        } catch (IllegalStateException e) {
                            refused.add("no answer: " + e.getMessage());
                            continue;
                        }
                        if (answer.status() == 202) {
                            accepted.add(answer.text("machineId"));
                            if (sent > restartedAt.get()) {
                                firstAcceptedAfterRestart.accumulateAndGet(System.nanoTime(), Math::min);
                            }
                        } else {
                            refused.add(answer.status() + " " + answer.contentType() + " " + answer.body());
                            ReplicaProcess.pause(100);
                        }
                    }
                    return null;
                });
            }
            ReplicaProcess.pause(3000);
            var before = accepted.size();
            var restartBegan = System.nanoTime();
            cluster.database().restart();
            restartedAt.set(System.nanoTime());
            System.out.printf("[replicas] PostgreSQL restarted in %.1f s with %d creations accepted before%n",
                    (restartedAt.get() - restartBegan) / 1e9, before);
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (firstAcceptedAfterRestart.get() == Long.MAX_VALUE && System.nanoTime() < deadline) {
                ReplicaProcess.pause(100);
            }
            ReplicaProcess.pause(2000);
            running.set(false);
        }
        var servedAgainAfter = Duration.ofNanos(firstAcceptedAfterRestart.get() - restartedAt.get());
        System.out.printf("[replicas] %d creations accepted, %d refused; first accepted %d ms after PostgreSQL was "
                + "back%n", accepted.size(), refused.size(), servedAgainAfter.toMillis());
        assertThat(servedAgainAfter).as("creates again within 10 s of the restart").isLessThan(Duration.ofSeconds(10));
        var refusals = refused.stream().map(answer -> answer.substring(0, Math.min(answer.length(), 200)))
                .collect(Collectors.groupingBy(answer -> answer.substring(0, 3), Collectors.counting()));
        System.out.println("[replicas] refusals by status: " + refusals);
        assertThat(refused).as("every refusal is a clear 503").allSatisfy(answer ->
                assertThat(answer).startsWith("503 application/problem+json"));
        var stored = cluster.jdbc().sql("SELECT DISTINCT aggregate_identifier FROM domain_event_entry "
                + "WHERE payload_type = 'io.harbormaster.api.machine.MachineCreated'").query(String.class).set();
        assertThat(stored).as("every creation answered 202 is in the event store").containsAll(accepted);
        awaitProcessorsAtHead();
    }

    /**
     * The secret store goes away while people create machines. Every replica's readiness says so, and the load
     * balancer, with no node ready, still sends requests to the live ones: creations that need the store now (a
     * generic machine's SSH key) are refused with the platform's own 503, leaving no machine and no claimed name
     * behind; a creation that needs it only later (a machine's TLS material) is accepted and waits. When the store is
     * back the waiting machine carries on to Running, and the refused name can be created.
     */
    @Test
    @Order(6)
    void secretStoreUnreachableDuringCreates_clearErrors_noHalfMadeMachine_andTheWorkResumesWhenItIsBack() {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        var admin = cluster.admin();
        var keyFile = newKey(workstation, "vault-key");
        var key = read(keyFile);
        var machinesBefore = machineCount();
        String waiting;
        cluster.vault().becomeUnreachable();
        try {
            for (var replica : cluster.replicas()) {
                cluster.balancer().awaitServer(replica.name(), "DOWN", Duration.ofSeconds(30));
            }
            for (int n = 0; n < 4; n++) {
                var answer = admin.post("/api/machines", createRequest(team, "vault-" + n, "10.213.0.83", key));
                assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                assertThat(answer.contentType()).contains("application/problem+json");
                assertThat(answer.text("title")).as(answer.body()).isEqualTo("Secret store unavailable");
                assertThat(answer.text("detail")).as(answer.body()).contains("did not answer", "connection refused");
            }
            assertThat(machineCount()).as("no machine half made").isEqualTo(machinesBefore);
            var accepted = admin.post("/api/machines", """
                    {"team":"%s","name":"vault-waits","driver":"none","driverOptions":{"url":"tcp://10.213.0.84:2376"}}"""
                    .formatted(team));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            waiting = accepted.text("machineId");
            ReplicaProcess.pause(3000);
            var meanwhile = admin.get("/api/machines/" + waiting);
            assertThat(meanwhile.text("state")).as("waits for the store, not failed: " + meanwhile.body())
                    .isNotIn("Error", "Running");
        } finally {
            cluster.vault().becomeReachable();
        }
        var resumed = awaitSettled(admin, waiting, Duration.ofSeconds(60));
        assertThat(resumed.text("state")).as(resumed.body()).isEqualTo("Running");

        TestHost host = TestHosts.up("vault-host", "10.213.0.83", publicKey(keyFile));
        try {
            var answer = await(() -> admin.post("/api/machines", createRequest(team, "vault-0", "10.213.0.83", key)),
                    r -> r.status() != 503, Duration.ofSeconds(30));
            assertThat(answer.status()).as("the same name is free again: " + answer.body()).isEqualTo(202);
            var machine = awaitSettled(admin, answer.text("machineId"), Duration.ofMinutes(2));
            assertThat(machine.text("state")).as(machine.body()).isEqualTo("Running");
        } finally {
            host.down();
        }
        for (var replica : cluster.replicas()) {
            cluster.balancer().awaitServer(replica.name(), "UP", Duration.ofSeconds(30));
        }
    }

    private static String hostIp(int n) {
        return "10.213.0." + (72 + n);
    }

    private static long machineCount() {
        return cluster.jdbc().sql("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry "
                + "WHERE payload_type = 'io.harbormaster.api.machine.MachineCreated'").query(Long.class).single();
    }

    private static long startedProvisionings(List<String> ids) {
        return cluster.jdbc().sql("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry "
                        + "WHERE aggregate_identifier IN (:ids) AND payload_type LIKE '%.ProvisioningStarted'")
                .param("ids", ids).query(Long.class).single();
    }

    private static long provisioned(List<String> ids) {
        return cluster.jdbc().sql("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry "
                        + "WHERE aggregate_identifier IN (:ids) AND payload_type LIKE '%.MachineProvisioned'")
                .param("ids", ids).query(Long.class).single();
    }

    private static long count(List<String> events, String suffix) {
        return events.stream().filter(type -> type.endsWith(suffix)).count();
    }

    private static List<String> eventsOf(String id) {
        return cluster.jdbc().sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = :id "
                + "ORDER BY sequence_number").param("id", id).query(String.class).list();
    }

    /** Sequence numbers 0..n-1 without gaps, n distinct event ids. */
    private static void assertContiguous(String id) {
        var numbers = cluster.jdbc().sql("SELECT sequence_number FROM domain_event_entry "
                + "WHERE aggregate_identifier = :id ORDER BY sequence_number").param("id", id).query(Long.class).list();
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("event %d of %s", i, id).isEqualTo((long) i);
        }
    }

    /** Every segment of every processor is owned by a live replica and has processed the whole store. */
    private static void awaitProcessorsAtHead() {
        var replicas = cluster.replicas().stream().map(ReplicaProcess::name).collect(Collectors.toSet());
        await(() -> null, ignored -> {
            var head = cluster.jdbc().sql("SELECT coalesce(max(global_index), -1) FROM domain_event_entry")
                    .query(Long.class).single();
            var readiness = cluster.replicas().stream().allMatch(replica -> replica.readiness() == 200);
            var owners = cluster.jdbc().sql("SELECT owner FROM token_entry").query(String.class).list();
            return readiness && replicas.containsAll(owners) && lagging(head) == 0;
        }, Duration.ofSeconds(60));
    }

    /** Segments whose token has not reached {@code head} (a replay or merge token counts as behind). */
    private static long lagging(long head) {
        return cluster.jdbc().sql("""
                SELECT count(*) FROM token_entry
                WHERE coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, -1) < ?""")
                .param(head).query(Long.class).single();
    }
}
