package io.harbormaster.db.replicas;

import java.time.Duration;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;

/**
 * How many segments the tracking processor {@code processor} is meant to have. A fresh database gets that many
 * (Axon's initial segment count); on a database whose processor has fewer, the balancer splits a segment this
 * replica holds, one at a time, until there are as many. Segments are never merged again: lowering the number later
 * leaves the existing ones.
 *
 * <p>The processor gets one thread per segment: a replica alone must process all of them (a TrackingEventProcessor
 * works one segment per thread; the threads without a segment look for an unclaimed one every few seconds, which is
 * also how a replica takes over the segments of one that died or let them go).
 */
public record ProcessorSegments(String processor, int segments) {

    /** How often a thread without a segment looks for an unclaimed one (Axon's default). */
    public static final Duration CLAIM_INTERVAL = Duration.ofSeconds(5);

    public ProcessorSegments {
        if (segments < 1) {
            throw new IllegalArgumentException(processor + ": a processor needs at least one segment, not " + segments);
        }
    }

    /** The processor's configuration: its threads and initial segments; batch size and tokens are added by callers. */
    public TrackingEventProcessorConfiguration tracking() {
        return TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                .andInitialSegmentsCount(segments)
                .andTokenClaimInterval(CLAIM_INTERVAL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
