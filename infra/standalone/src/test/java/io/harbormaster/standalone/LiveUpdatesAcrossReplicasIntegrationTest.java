package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineListChanged;
import io.harbormaster.api.machine.WatchMachineListQuery;
import io.harbormaster.testing.TestPostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one database, each a process of its own: replica A (started first, balancing off) holds every
 * segment of the machine list; a portal session on replica B, whose processors do not project the list, hears of a machine created
 * through A as soon as A's projection committed it (PostgreSQL LISTEN/NOTIFY).
 */
class LiveUpdatesAcrossReplicasIntegrationTest {

    private static TestPostgres.Database database;
    private static ReplicaProcess replicaA;
    private static String urlA;
    private static RunningPlatform replicaB;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.freshDatabase();
        var settings = new ArrayList<>(ReplicaProcess.testSettings(database.url(), database.user(),
                database.password()));
        // A keeps every segment it claimed: this test is about a replica that projects nothing
        settings.add("--harbormaster.processors.balancing=false");
        replicaA = ReplicaProcess.start("replica-a", Files.createTempDirectory("hm-live-updates"), settings)
                .awaitReady(Duration.ofMinutes(3));
        urlA = replicaA.url();
        replicaB = RunningPlatform.startOn(database, "--harbormaster.axon.node-id=replica-b");
    }

    @AfterAll
    static void stop() throws Exception {
        if (replicaB != null) {
            replicaB.close();
        }
        if (replicaA != null) {
            replicaA.close();
        }
    }

    @Test
    void aSessionOnAReplicaThatDoesNotProjectTheList_hearsOfAChangeMadeThroughTheOther() throws Exception {
        assertThat(owner("machine-list")).as("replica A projects the machine list").isEqualTo("replica-a");
        assertThat(machineListOf(replicaB).processingStatus()).as("replica B holds no segment of it").isEmpty();
        var readiness = replicaB.anonymous().get("/actuator/health/readiness");
        assertThat(readiness.status()).as("replica B is ready: A keeps the list current. " + readiness.body())
                .isEqualTo(200);
        var heard = new LinkedBlockingQueue<MachineId>();
        var subscription = replicaB.bean(QueryGateway.class).subscriptionQuery(new WatchMachineListQuery(),
                ResponseTypes.instanceOf(Long.class), ResponseTypes.instanceOf(MachineListChanged.class));
        subscription.updates().subscribe(update -> heard.add(update.machineId()));
        try {
            // replica B set the admin's password in the shared database when it started
            var throughA = new ApiClient(urlA, "admin", RunningPlatform.ADMIN_PASSWORD);
            var team = throughA.post("/api/teams", "{\"name\":\"across\"}");
            assertThat(team.status()).as(team.body()).isEqualTo(201);
            var created = throughA.post("/api/machines", BadInputIntegrationTest.machine(team.text("teamId"),
                    "across-1", "none", "tcp://10.213.0.42:2376"));
            assertThat(created.status()).as(created.body()).isEqualTo(202);
            var id = MachineId.of(created.text("machineId"));

            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            MachineId next;
            do {
                next = heard.poll(200, TimeUnit.MILLISECONDS);
            } while (!id.equals(next) && System.nanoTime() < deadline);
            assertThat(next).as("replica B's session heard of the machine created through A").isEqualTo(id);
        } finally {
            subscription.close();
        }
    }

    private static String owner(String processor) {
        return replicaB.jdbc().sql("SELECT owner FROM token_entry WHERE processor_name = ? AND segment = 0")
                .param(processor).query(String.class).single();
    }

    private static StreamingEventProcessor machineListOf(RunningPlatform replica) {
        return replica.bean(EventProcessingConfiguration.class)
                .eventProcessor("machine-list", StreamingEventProcessor.class).orElseThrow();
    }
}
