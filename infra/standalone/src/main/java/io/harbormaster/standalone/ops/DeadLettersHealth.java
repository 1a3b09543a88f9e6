package io.harbormaster.standalone.ops;

import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * How many events are parked, in total and per processing group. Parked events never make the node unready: the
 * dead-letter queue exists so that one bad event stops only its own sequence while everything else flows, and taking
 * the node out of the load balancer would stop everything. Operators alert on the gauge instead
 * (docs/operations.md). A queue that cannot be read is reported as down.
 */
final class DeadLettersHealth implements HealthIndicator {

    private final DeadLetters deadLetters;

    DeadLettersHealth(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Map<String, Long> parked;
        try {
            parked = deadLetters.byProcessingGroup();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
        long total = parked.values().stream().mapToLong(Long::longValue).sum();
        return Health.up().withDetail("total", total).withDetail("byProcessingGroup", parked).build();
    }
}
