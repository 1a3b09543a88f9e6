package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event store is readable with psql: payloads and metadata are bytea holding JSON (never large objects), and
 * every event carries who did it, through which channel, from where and under which correlation id.
 */
class EventStoreFormatIntegrationTest {

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        var id = admin.post("/api/machines", BadInputIntegrationTest.machine(team, "fmt-1", "none", "tcp://10.213.0.50:2376"))
                .text("machineId");
        ApiClient.await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void trackingTokensAreKeptByThePlainJdbcTokenStore_asJsonInTokenEntry_claimedByThisNode() {
        assertThat(platform.bean(org.axonframework.eventhandling.tokenstore.TokenStore.class))
                .isInstanceOf(org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore.class);
        var tokens = platform.jdbc().sql("""
                        SELECT convert_from(token, 'UTF8') AS token, owner FROM token_entry
                        WHERE processor_name = 'machine-list' AND token IS NOT NULL""")
                .query((rs, row) -> List.of(rs.getString(1), String.valueOf(rs.getString(2))))
                .list();
        assertThat(tokens).isNotEmpty().allSatisfy(token -> {
            assertThat(JsonMapper.builder().build().readTree(token.get(0)).isObject()).isTrue();
            assertThat(token.get(1)).contains(String.valueOf(ProcessHandle.current().pid()));
        });
    }

    @Test
    void noAxonColumnIsALargeObject() {
        var types = platform.jdbc().sql("""
                SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name IN ('payload', 'meta_data', 'token', 'serialized_saga')""")
                .query(String.class).list();
        assertThat(types).isNotEmpty().allSatisfy(type -> assertThat(type).endsWith(":bytea"));
        var largeObjects = platform.jdbc().sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single();
        assertThat(largeObjects).isZero();
    }

    @Test
    void everyEventIsJsonWithTheActingContextInItsMetadata() {
        var rows = platform.jdbc().sql("""
                SELECT payload_type, convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8')
                FROM domain_event_entry ORDER BY global_index""")
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        assertThat(rows).extracting(row -> row.get(0)).contains(
                "io.harbormaster.api.user.UserRegistered", "io.harbormaster.api.team.TeamCreated",
                "io.harbormaster.api.machine.MachineCreated", "io.harbormaster.api.machine.MachineProvisioned");
        var json = JsonMapper.builder().build();
        for (var row : rows) {
            assertThat(json.readTree(row.get(1)).isObject()).as(row.get(0)).isTrue();
            var metadata = json.readTree(row.get(2));
            for (var key : List.of("actorId", "actorName", "channel", "clientAddress", "correlationId")) {
                assertThat(metadata.has(key)).as(row.get(0) + " has " + key + ": " + row.get(2)).isTrue();
            }
        }
        var created = rows.stream().filter(r -> r.get(0).endsWith("MachineCreated")).findFirst().orElseThrow();
        var metadata = json.readTree(created.get(2));
        assertThat(metadata.path("actorName").asString()).isEqualTo("admin");
        assertThat(metadata.path("channel").asString()).isEqualTo("api");
        var bootstrap = rows.stream().filter(r -> r.get(0).endsWith("UserRegistered")).findFirst().orElseThrow();
        assertThat(json.readTree(bootstrap.get(2)).path("channel").asString()).isEqualTo("system");
    }

    @Test
    void eventsCausedByOneRequestShareItsCorrelationId() {
        var ids = platform.jdbc().sql("""
                SELECT DISTINCT convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' FROM domain_event_entry
                WHERE payload_type IN ('io.harbormaster.api.machine.MachineCreated', 'io.harbormaster.api.machine.MachineProvisioned')""")
                .query(String.class).list();
        assertThat(ids).hasSize(1);
    }
}
