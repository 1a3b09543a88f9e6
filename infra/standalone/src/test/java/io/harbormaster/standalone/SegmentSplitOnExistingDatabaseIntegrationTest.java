package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A database made while the machine list had one segment (as every database made before segments existed) gets the
 * configured four once the platform starts with them: Axon creates initial segments only on an empty token table,
 * so the holder splits its segment until there are four, and the list keeps projecting meanwhile.
 */
class SegmentSplitOnExistingDatabaseIntegrationTest {

    @Test
    void aProcessorWithFewerSegmentsThanConfigured_isSplitUpToTheConfiguredCount() throws Exception {
        var database = TestPostgres.freshDatabase();
        String teamId;
        try (var before = RunningPlatform.startOn(database, "--harbormaster.processors.machine-list.segments=1")) {
            assertThat(segments(before)).containsExactly(0);
            var team = before.admin().post("/api/teams", "{\"name\":\"split\"}");
            assertThat(team.status()).as(team.body()).isEqualTo(201);
            teamId = team.text("teamId");
        }
        try (var after = RunningPlatform.startOn(database, "--harbormaster.processors.balance-interval=1s")) {
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (segments(after).size() < 4) {
                assertThat(System.nanoTime()).as("four segments within 30 s; now " + segments(after))
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(segments(after)).hasSize(4);
            var ids = segments(after).stream().mapToInt(Integer::intValue).toArray();
            assertThat(java.util.Arrays.stream(org.axonframework.eventhandling.Segment.computeSegments(ids))
                    .map(org.axonframework.eventhandling.Segment::getMask).distinct())
                    .as("the biggest segment is split first: four quarters").containsExactly(3);
            var machine = after.admin().post("/api/machines", BadInputIntegrationTest.machine(teamId, "split-1",
                    "none", "tcp://10.213.0.251:2376"));
            assertThat(machine.status()).as(machine.body()).isEqualTo(202);
            var id = machine.text("machineId");
            var listed = ApiClient.await(() -> after.admin().get("/api/machines/" + id),
                    response -> response.status() == 200 && "Running".equals(response.text("state")));
            assertThat(listed.text("teamName")).isEqualTo("split");
        }
    }

    private static List<Integer> segments(RunningPlatform platform) {
        return platform.jdbc().sql("SELECT segment FROM token_entry WHERE processor_name = 'machine-list' "
                + "ORDER BY segment").query(Integer.class).list();
    }
}
