package io.harbormaster.standalone.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The lag of every tracking processor (projections, machine processes, secret clean-up): the head of the event store
 * minus the position of the processor's furthest-behind segment, whether this node holds it or another replica does. Read for the readiness check and the lag gauges;
 * one reading is reused for a second so a scrape of every gauge costs one query of the head.
 */
final class EventProcessorLags {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final SegmentsHeldElsewhere elsewhere;
    private List<ProcessorLag> last = List.of();
    private long readAt;

    EventProcessorLags(EventProcessingConfiguration processing, EventStore events, SegmentsHeldElsewhere elsewhere) {
        this.processing = processing;
        this.events = events;
        this.elsewhere = elsewhere;
    }

    /**
     * The tracking processors with a failing segment, from what they hold in memory: no query, so it answers at once
     * also while the database is away (which is what makes them fail then).
     */
    List<String> failing() {
        var failing = new ArrayList<String>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming
                    && streaming.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
                failing.add(name);
            }
        });
        return failing;
    }

    synchronized List<ProcessorLag> read() {
        long now = System.nanoTime();
        if (readAt != 0 && now - readAt < FRESH_FOR.toNanos()) {
            return last;
        }
        var head = events.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        var lags = new ArrayList<ProcessorLag>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                lags.add(lagOf(name, streaming, headPosition));
            }
        });
        last = List.copyOf(lags);
        readAt = now;
        return last;
    }

    private ProcessorLag lagOf(String name, StreamingEventProcessor processor, long head) {
        var here = processor.processingStatus();   // one snapshot: segments come and go meanwhile
        var segments = here.values();
        String failure = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(status -> status.getError() == null ? "error" : status.getError().getClass().getSimpleName())
                .findFirst().orElse(null);
        if (segments.isEmpty()) {
            // another replica may hold them all: then its lag is the processor's
            var held = elsewhere == null ? OptionalLong.empty() : elsewhere.slowestPosition(name);
            return new ProcessorLag(name, processor.isRunning(), failure, held.isPresent()
                    ? OptionalLong.of(Math.max(0, head - held.getAsLong())) : OptionalLong.empty(), 0, held.isPresent());
        }
        // A segment that has processed nothing yet stands before the first event (position -1).
        long slowest = segments.stream().mapToLong(segment -> segment.getCurrentPosition().orElse(-1)).min().orElse(-1);
        // the processor's other segments, held by other replicas (or being handed over): the slowest of all counts
        var others = elsewhere == null ? new SegmentsHeldElsewhere.Elsewhere(0, OptionalLong.empty())
                : elsewhere.segmentsBesides(name, here.keySet());
        if (others.count() > 0 && others.slowest().isPresent()) {
            slowest = Math.min(slowest, others.slowest().getAsLong());
        }
        return new ProcessorLag(name, processor.isRunning(), failure, OptionalLong.of(Math.max(0, head - slowest)),
                segments.size(), others.count() > 0);
    }
}
