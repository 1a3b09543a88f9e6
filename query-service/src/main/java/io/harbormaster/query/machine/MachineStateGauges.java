package io.harbormaster.query.machine;

import io.harbormaster.api.machine.MachineState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Machines per state ({@code harbormaster.machines}, one gauge per state), counted in the machine list, the read model
 * users see. One query serves every state for a few seconds, so a scrape costs one query however many gauges it
 * reads. When the database does not answer, the gauges show the last counts they read.
 */
@Component
class MachineStateGauges implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private Map<String, Long> counts = Map.of();
    private long readAt;

    MachineStateGauges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (var state : MachineState.values()) {
            Gauge.builder("harbormaster.machines", this, gauges -> gauges.count(state))
                    .description("Machines in the machine list by state")
                    .tag("state", state.name())
                    .register(registry);
        }
    }

    private synchronized double count(MachineState state) {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > FRESH_FOR.toNanos()) {
            // also after a failure: one scrape must not wait out the pool's timeout once per state
            readAt = now;
            try {
                var read = new HashMap<String, Long>();
                jdbc.sql("SELECT state, count(*) FROM rm_machine GROUP BY state")
                        .query((row, number) -> read.put(row.getString(1), row.getLong(2)))
                        .list();
                counts = read;
            } catch (RuntimeException e) {
                // the database is away: the health endpoint says so; the gauges keep the last counts
            }
        }
        return counts.getOrDefault(state.name(), 0L);
    }
}
