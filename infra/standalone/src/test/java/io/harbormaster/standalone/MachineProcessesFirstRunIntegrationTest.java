package io.harbormaster.standalone;

import static io.harbormaster.standalone.ApiClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The machine processes, running for the first time (no token yet), must still carry out a request appended before
 * they got going, and must not carry out again the requests whose outcome is already recorded. Axon's default first
 * token, a replay up to the head, would skip the new request (the processes never run on replay).
 */
class MachineProcessesFirstRunIntegrationTest {

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aRequestAppendedBeforeTheProcessorsFirstRunIsCarriedOutAndOldOnesAreNotRepeated() {
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        var id = admin.post("/api/machines", BadInputIntegrationTest.machine(team, "first-run", "none", "tcp://10.213.0.80:2376"))
                .text("machineId");
        await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));

        var processor = platform.bean(EventProcessingConfiguration.class)
                .eventProcessorByProcessingGroup("machine-processes", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        platform.jdbc().sql("DELETE FROM token_entry WHERE processor_name = 'machine-processes'").update();
        assertThat(admin.post("/api/machines/" + id + "/stop", null).status()).isEqualTo(202);
        processor.start();

        await(() -> admin.get("/api/machines/" + id), r -> "Stopped".equals(r.text("state")));
        var types = platform.jdbc().sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = :id "
                + "ORDER BY sequence_number").param("id", id).query(String.class).list();
        var names = types.stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
        // The processor's claim on restart also lets the recovery resume the stop requested while it was down
        // (recorded as OperationResumed) unless the processor took it up first; either way it runs once.
        assertThat(names.stream().filter(name -> !name.equals("OperationResumed"))).containsExactly(
                "MachineCreated", "MachineProvisioned", "CertsRegenerated", "MachineStopRequested", "MachineStopped");
        assertThat(names.stream().filter(name -> name.equals("OperationResumed"))).hasSizeLessThanOrEqualTo(1);
    }
}
