package io.harbormaster.command.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas on one database: one at a time runs the reconciler's cycles, and a dead holder's lease runs out. */
class ReconcilerLeaseTest {

    private DataSource dataSource;

    @BeforeEach
    void database() {
        var database = TestPostgres.freshDatabase();
        var current = getClass().getClassLoader().getResource("db/migration/V20__leases.sql");
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations(current != null ? "classpath:db/migration" : "filesystem:"
                        + Path.of("..", "db", "src", "main", "resources", "db", "migration").toAbsolutePath())
                .load().migrate();
        dataSource = database.dataSource();
    }

    @Test
    void whileOneReplicaRunsACycle_theOtherDoesNot_norAgainWithinTheSameInterval() throws Exception {
        var interval = Duration.ofSeconds(20);
        var a = new ReconcilerLease(ReconcilerLease.locksIn(dataSource), interval);
        var b = new ReconcilerLease(ReconcilerLease.locksIn(dataSource), interval);
        var running = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        try (var replicaA = Executors.newSingleThreadExecutor()) {
            var ranOnA = replicaA.submit(() -> a.runIfHeld(() -> {
                running.countDown();
                await(finish);
            }));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(b.runIfHeld(() -> { })).as("B while A's cycle runs").isFalse();
            finish.countDown();
            assertThat(ranOnA.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(b.runIfHeld(() -> { })).as("B right after A's cycle, within the interval").isFalse();
        assertThat(a.runIfHeld(() -> { })).as("A again within the interval").isFalse();
    }

    @Test
    void aReplicaThatDiedHoldingTheLease_losesItWhenItRunsOut_andAnotherTakesTheCyclesOver() throws Exception {
        // a replica that took the lease and died: nothing will ever release it, it only runs out
        var dead = ReconcilerLease.locksIn(dataSource).lock(new LockConfiguration(Instant.now(), ReconcilerLease.NAME,
                Duration.ofSeconds(2), Duration.ZERO));
        assertThat(dead).isPresent();
        var survivor = new ReconcilerLease(ReconcilerLease.locksIn(dataSource), Duration.ofSeconds(1));

        assertThat(survivor.runIfHeld(() -> { })).as("while the dead replica's lease lasts").isFalse();
        Thread.sleep(2_500);
        assertThat(survivor.runIfHeld(() -> { })).as("after it ran out").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
