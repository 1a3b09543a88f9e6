package io.harbormaster.standalone.ops;

import io.harbormaster.db.DeadLetterCounts;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Parked events per processing group: from a {@link DeadLetterCounts} bean when there is one, otherwise from the
 * dead-letter queues registered with Axon's event processing (none registered: nothing parked).
 */
final class DeadLetters {

    private final ObjectProvider<DeadLetterCounts> counts;
    private final EventProcessingConfiguration processing;

    DeadLetters(ObjectProvider<DeadLetterCounts> counts, EventProcessingConfiguration processing) {
        this.counts = counts;
        this.processing = processing;
    }

    Map<String, Long> byProcessingGroup() {
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
