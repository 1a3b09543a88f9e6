package io.harbormaster.command.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.db.replicas.ReplicaHeartbeats;
import io.harbormaster.db.replicas.ReplicaNode;
import io.harbormaster.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One request's driver work is carried out by one replica at a time, and taken over only from one that is gone. */
class JdbcMachineWorkClaimsTest {

    private static final ReplicaNode A = new ReplicaNode("replica-a");
    private static final ReplicaNode B = new ReplicaNode("replica-b");
    private static final Duration GONE_AFTER = Duration.ofSeconds(20);

    private static DataSource dataSource;
    private static ReplicaHeartbeats heartbeats;

    @BeforeAll
    static void migrate() {
        var database = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations(migrations()).load().migrate();
        dataSource = database.dataSource();
        heartbeats = new ReplicaHeartbeats(dataSource);
    }

    private static String migrations() {
        var current = JdbcMachineWorkClaimsTest.class.getClassLoader().getResource("db/migration/V21__replicas.sql");
        return current != null ? "classpath:db/migration"
                : "filesystem:" + Path.of("..", "db", "src", "main", "resources", "db", "migration").toAbsolutePath();
    }

    private static JdbcMachineWorkClaims claimsOf(ReplicaNode node) {
        return new JdbcMachineWorkClaims(dataSource, node, GONE_AFTER);
    }

    @Test
    void whileTheReplicaCarryingItOutIsLive_anotherDoesNotGetTheSameWork() {
        heartbeats.beat(A);
        heartbeats.beat(B);
        var machine = MachineId.random();

        assertThat(claimsOf(A).claim(machine, "STOP", "corr-1")).isTrue();
        assertThat(claimsOf(B).claim(machine, "STOP", "corr-1")).as("A still carries it out").isFalse();
        assertThat(claimsOf(B).claimedElsewhere(machine, "STOP", "corr-1")).isTrue();
        assertThat(claimsOf(A).claimedElsewhere(machine, "STOP", "corr-1")).as("A's own").isFalse();
        assertThat(claimsOf(B).claim(machine, "STOP", "corr-2")).as("another request of the machine").isTrue();
        assertThat(claimsOf(B).claim(machine, "START", "corr-1")).as("another kind of work").isTrue();

        claimsOf(A).release(machine, "STOP", "corr-1");
        assertThat(claimsOf(B).claim(machine, "STOP", "corr-1")).as("A reported and let go").isTrue();
    }

    @Test
    void aReplicaTakesOverWorkWhoseHolderStoppedBeating() {
        heartbeats.beat(B);
        var machine = MachineId.random();
        JdbcClient.create(dataSource).sql("""
                        INSERT INTO processor_replica (node_id, seen_at) VALUES ('replica-dead', now() - interval '21 seconds')
                        ON CONFLICT (node_id) DO UPDATE SET seen_at = excluded.seen_at""").update();
        assertThat(claimsOf(new ReplicaNode("replica-dead")).claim(machine, "CREATE", "corr-3")).isTrue();

        assertThat(claimsOf(B).claimedElsewhere(machine, "CREATE", "corr-3")).as("its holder is gone").isFalse();
        assertThat(claimsOf(B).claim(machine, "CREATE", "corr-3")).isTrue();
        assertThat(claimsOf(new ReplicaNode("replica-dead")).claim(machine, "CREATE", "corr-3"))
                .as("B holds it now, and B is live").isFalse();
    }

    @Test
    void aReplicaRestartedUnderTheSameNameTakesBackItsOwnWork() {
        heartbeats.beat(A);
        var machine = MachineId.random();
        assertThat(claimsOf(A).claim(machine, "REMOVE", "corr-4")).isTrue();
        assertThat(claimsOf(A).claim(machine, "REMOVE", "corr-4")).isTrue();
    }

    @Test
    void aReleaseByAReplicaThatLostTheClaim_leavesTheNewHoldersClaim() {
        heartbeats.beat(B);
        var machine = MachineId.random();
        JdbcClient.create(dataSource).sql("""
                INSERT INTO machine_work_claim (machine_id, kind, correlation_id, node_id, claimed_at)
                VALUES (?, 'STOP', 'corr-5', 'replica-b', now())""").param(machine.value()).update();

        claimsOf(A).release(machine, "STOP", "corr-5");
        assertThat(claimsOf(new ReplicaNode("replica-c")).claim(machine, "STOP", "corr-5")).isFalse();
    }
}
