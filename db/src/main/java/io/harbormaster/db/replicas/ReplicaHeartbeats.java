package io.harbormaster.db.replicas;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The replicas' heartbeats in {@code processor_replica} (migration V21). Stamps and ages are the database's clock,
 * so replicas whose clocks differ still agree on who is live. A replica that holds no segment at all is invisible in
 * {@code token_entry}; its heartbeat is what tells the others to share with it.
 */
public final class ReplicaHeartbeats {

    /** Rows of replicas gone this long are deleted: they would count for nothing anyway. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final JdbcClient jdbc;

    public ReplicaHeartbeats(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public void beat(ReplicaNode node) {
        jdbc.sql("""
                INSERT INTO processor_replica (node_id, seen_at) VALUES (:node, now())
                ON CONFLICT (node_id) DO UPDATE SET seen_at = now()""")
                .param("node", node.id()).update();
    }

    /** The replicas (this one too, once it has beaten) whose last heartbeat is younger than {@code window}. */
    public int live(Duration window) {
        return jdbc.sql("SELECT count(*) FROM processor_replica WHERE seen_at > now() - make_interval(secs => :secs)")
                .param("secs", window.toMillis() / 1000.0).query(Integer.class).single();
    }

    /** Leaves at once (a clean shutdown), so the others need not wait out the window to take its share. */
    public void leave(ReplicaNode node) {
        jdbc.sql("DELETE FROM processor_replica WHERE node_id = :node").param("node", node.id()).update();
    }

    public void forgetGone() {
        jdbc.sql("DELETE FROM processor_replica WHERE seen_at < now() - make_interval(secs => :secs)")
                .param("secs", (double) FORGET_AFTER.toSeconds()).update();
    }
}
