package io.harbormaster.command.process;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.db.replicas.ReplicaNode;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link MachineWorkClaims} in {@code machine_work_claim} (migration V21). A claim belongs to a replica as long as
 * the replica's heartbeat ({@code processor_replica}) is younger than {@code holderGoneAfter}; after that another
 * replica may take it over. That age is two token claim timeouts: a replica is given up for dead only well after
 * its segments were, so a replica that is merely slow keeps its work.
 */
final class JdbcMachineWorkClaims implements MachineWorkClaims {

    private final JdbcClient jdbc;
    private final ReplicaNode node;
    private final Duration holderGoneAfter;

    JdbcMachineWorkClaims(DataSource dataSource, ReplicaNode node, Duration holderGoneAfter) {
        this.jdbc = JdbcClient.create(dataSource);
        this.node = node;
        this.holderGoneAfter = holderGoneAfter;
    }

    @Override
    public boolean claim(MachineId machine, String kind, String correlationId) {
        // one statement: insert, or take over a row that is this replica's own (a restart under a fixed node id,
        // whose earlier work died with it) or whose holder has no recent heartbeat
        return jdbc.sql("""
                        INSERT INTO machine_work_claim (machine_id, kind, correlation_id, node_id, claimed_at)
                        VALUES (:machine, :kind, :correlation, :node, now())
                        ON CONFLICT (machine_id, kind, correlation_id) DO UPDATE
                            SET node_id = excluded.node_id, claimed_at = excluded.claimed_at
                            WHERE machine_work_claim.node_id = excluded.node_id
                               OR NOT EXISTS (SELECT 1 FROM processor_replica r
                                              WHERE r.node_id = machine_work_claim.node_id
                                                AND r.seen_at > now() - make_interval(secs => :gone))
                        RETURNING node_id""")
                .param("machine", machine.value()).param("kind", kind).param("correlation", correlationId)
                .param("node", node.id()).param("gone", holderGoneAfter.toMillis() / 1000.0)
                .query(String.class).optional().isPresent();
    }

    @Override
    public boolean claimedElsewhere(MachineId machine, String kind, String correlationId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM machine_work_claim c JOIN processor_replica r ON r.node_id = c.node_id
                                       WHERE c.machine_id = :machine AND c.kind = :kind
                                         AND c.correlation_id = :correlation AND c.node_id <> :node
                                         AND r.seen_at > now() - make_interval(secs => :gone))""")
                .param("machine", machine.value()).param("kind", kind).param("correlation", correlationId)
                .param("node", node.id()).param("gone", holderGoneAfter.toMillis() / 1000.0)
                .query(Boolean.class).single();
    }

    @Override
    public void release(MachineId machine, String kind, String correlationId) {
        jdbc.sql("""
                        DELETE FROM machine_work_claim
                        WHERE machine_id = :machine AND kind = :kind AND correlation_id = :correlation
                          AND node_id = :node""")
                .param("machine", machine.value()).param("kind", kind).param("correlation", correlationId)
                .param("node", node.id()).update();
    }
}
