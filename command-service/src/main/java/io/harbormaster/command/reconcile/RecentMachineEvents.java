package io.harbormaster.command.reconcile;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which aggregates had events appended since the last call: one range read of the event table's primary key per
 * reconciler cycle, so the reconciler re-reads and re-reports only machines that changed. A transaction that took its
 * global index before another but committed after it shows up late; each read therefore goes back {@link #OVERLAP}
 * indexes below the highest one seen and counts the indexes it had not seen yet, and the reconciler forgets
 * everything it remembers every few cycles anyway.
 */
class RecentMachineEvents {

    static final long OVERLAP = 1_000;

    private final JdbcClient jdbc;
    private long highest = -1;
    /** The indexes already seen within the window below {@link #highest}. */
    private Set<Long> seen = Set.of();

    RecentMachineEvents(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * The identifiers of the aggregates with events since the previous call (machines among others); empty, meaning
     * all of them, on the first call.
     */
    synchronized Optional<Set<String>> since() {
        var first = highest < 0;
        var changed = new HashSet<String>();
        var window = new HashSet<Long>();
        long[] top = {Math.max(highest, 0)};
        jdbc.sql("SELECT aggregate_identifier, global_index FROM domain_event_entry WHERE global_index > "
                        + (first ? "(SELECT coalesce(max(global_index), 0) FROM domain_event_entry) - ?" : "?"))
                .param(first ? OVERLAP : highest - OVERLAP)
                .query(rs -> {
                    var index = rs.getLong(2);
                    if (!seen.contains(index)) {
                        changed.add(rs.getString(1));
                    }
                    window.add(index);
                    top[0] = Math.max(top[0], index);
                });
        highest = top[0];
        window.removeIf(index -> index <= highest - OVERLAP);
        seen = window;
        return first ? Optional.empty() : Optional.of(changed);
    }
}
