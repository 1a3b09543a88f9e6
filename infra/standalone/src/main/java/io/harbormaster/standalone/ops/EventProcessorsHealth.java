package io.harbormaster.standalone.ops;

import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready only when every tracking processor runs, no segment of one is failing, and none is more than
 * {@code harbormaster.health.max-processor-lag} events behind: a node whose projections lag shows stale lists, and one
 * whose machine processes lag leaves requested work undone.
 */
final class EventProcessorsHealth implements HealthIndicator {

    private final EventProcessorLags lags;
    private final long maxLag;

    EventProcessorsHealth(EventProcessorLags lags, long maxLag) {
        this.lags = lags;
        this.maxLag = maxLag;
    }

    @Override
    public Health health() {
        var failing = lags.failing();
        if (!failing.isEmpty()) {
            return Health.down().withDetail("failing", failing).build();
        }
        List<ProcessorLag> all;
        try {
            all = lags.read();
        } catch (RuntimeException e) {
            // the head of the event store cannot be read: the database is away (the db contributor says more)
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
        var details = new LinkedHashMap<String, Object>();
        boolean up = true;
        for (var processor : all) {
            var detail = new LinkedHashMap<String, Object>();
            detail.put("running", processor.running());
            processor.lag().ifPresentOrElse(lag -> detail.put("lag", lag), () -> detail.put("lag", "no segment claimed"));
            if (processor.heldElsewhere()) {
                detail.put("segments", processor.segmentsHere() > 0
                        ? processor.segmentsHere() + " held here, the others by other replicas"
                        : "held by other replicas");
            }
            if (processor.failure() != null) {
                detail.put("failing", processor.failure());
            }
            details.put(processor.processor(), detail);
            up &= processor.caughtUp(maxLag);
        }
        return (up ? Health.up() : Health.down()).withDetail("maxLag", maxLag).withDetail("processors", details)
                .build();
    }
}
