package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away while the platform runs: requests answer 503 with advice within seconds (not a misleading
 * "not signed in" after 30 s), nothing half-done is left, and the platform serves again once the database is back.
 */
class DatabaseOutageIntegrationTest {

    @Test
    void whileTheDatabaseIsDownRequestsAnswer503AndServiceResumesWhenItIsBack(@TempDir Path data) throws Exception {
        var postgres = startPostgres(data, 0);
        int port = postgres.getPort();
        var database = new TestPostgres.Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                "embedded PostgreSQL the test stops");
        try (var platform = RunningPlatform.startOn(database)) {
            var admin = platform.admin();
            var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
            var id = admin.post("/api/machines", BadInputIntegrationTest.machine(team, "outage-1", "none",
                    "tcp://10.213.0.95:2376")).text("machineId");
            ApiClient.await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));

            postgres.close();
            long started = System.nanoTime();
            var list = admin.get("/api/machines");
            var create = admin.post("/api/machines", BadInputIntegrationTest.machine(team, "outage-2", "none",
                    "tcp://10.213.0.96:2376"));
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            for (var response : new ApiClient.Response[] {list, create}) {
                assertThat(response.status()).as(response.body()).isEqualTo(503);
                assertThat(response.contentType()).contains("application/problem+json");
                assertThat(response.text("detail")).contains("cannot reach its database", "Try again");
            }
            assertThat(seconds).as("both answers within the pool's 5 s timeout each").isLessThan(20);

            postgres = startPostgres(data, port);
            var back = ApiClient.await(() -> admin.get("/api/machines/" + id), r -> r.status() == 200);
            assertThat(back.text("name")).isEqualTo("outage-1");
            var machines = platform.jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%MachineCreated'")
                    .query(Long.class).single();
            assertThat(machines).as("the refused create left nothing behind").isEqualTo(1);
            assertThat(admin.post("/api/machines", BadInputIntegrationTest.machine(team, "outage-2", "none",
                    "tcp://10.213.0.96:2376")).status()).isEqualTo(202);
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres startPostgres(Path data, int port) throws Exception {
        var builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }
}
