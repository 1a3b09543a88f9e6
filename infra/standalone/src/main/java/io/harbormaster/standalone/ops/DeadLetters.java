package io.harbormaster.standalone.ops;

import io.harbormaster.db.DeadLetterCounts;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Parked events per processing group: from a {@link DeadLetterCounts} bean when there is one, otherwise from the
 * dead-letter queues registered with Axon's event processing (none registered: nothing parked). One reading serves
 * for a second, so a scrape of the gauge of every group counts each queue once.
 */
final class DeadLetters {

    private static final long FRESH_FOR_NANOS = 1_000_000_000L;

    private final ObjectProvider<DeadLetterCounts> counts;
    private final EventProcessingConfiguration processing;
    private Map<String, Long> last = Map.of();
    private long readAt;

    DeadLetters(ObjectProvider<DeadLetterCounts> counts, EventProcessingConfiguration processing) {
        this.counts = counts;
        this.processing = processing;
    }

    synchronized Map<String, Long> byProcessingGroup() {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > FRESH_FOR_NANOS) {
            last = Collections.unmodifiableMap(read());
            readAt = now;
        }
        return last;
    }

    private Map<String, Long> read() {
        var given = counts.getIfAvailable();
        if (given != null) {
            return new TreeMap<>(given.byProcessingGroup());
        }
        var parked = new TreeMap<String, Long>();
        for (var group : processing.eventProcessors().keySet()) {
            processing.deadLetterQueue(group).ifPresent(queue -> parked.put(group, queue.size()));
        }
        return parked;
    }
}
