package io.harbormaster.standalone.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

/** A processor's lag with its segments split between this node and other replicas: the slowest segment counts. */
class EventProcessorLagsTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final EventStore events = mock(EventStore.class);
    private final SegmentsHeldElsewhere elsewhere = mock(SegmentsHeldElsewhere.class);
    private final TrackingEventProcessor processor = mock(TrackingEventProcessor.class);

    EventProcessorLagsTest() {
        given(events.createHeadToken()).willReturn(new GlobalSequenceTrackingToken(1000));
        given(processor.isRunning()).willReturn(true);
        given(processing.eventProcessors()).willReturn(Map.<String, EventProcessor>of("machine-list", processor));
    }

    @Test
    void halfTheSegmentsHereAndHalfElsewhere_theSlowestOfAllCounts() {
        var here = Map.of(0, at(995), 1, at(990));
        given(processor.processingStatus()).willReturn(here);
        given(elsewhere.segmentsBesides(eq("machine-list"), eq(Set.of(0, 1))))
                .willReturn(new SegmentsHeldElsewhere.Elsewhere(2, OptionalLong.of(940)));

        var lag = new EventProcessorLags(processing, events, elsewhere).read().getFirst();

        assertThat(lag.lag()).hasValue(60);
        assertThat(lag.segmentsHere()).isEqualTo(2);
        assertThat(lag.heldElsewhere()).isTrue();
        assertThat(lag.caughtUp(100)).isTrue();
        assertThat(lag.caughtUp(50)).isFalse();
    }

    @Test
    void everySegmentHere_isThisNodesLagAlone() {
        var here = Map.of(0, at(995), 1, at(990));
        given(processor.processingStatus()).willReturn(here);
        given(elsewhere.segmentsBesides(eq("machine-list"), anySet()))
                .willReturn(new SegmentsHeldElsewhere.Elsewhere(0, OptionalLong.empty()));

        var lag = new EventProcessorLags(processing, events, elsewhere).read().getFirst();

        assertThat(lag.lag()).hasValue(10);
        assertThat(lag.heldElsewhere()).isFalse();
    }

    @Test
    void noSegmentHereAndOneKeptByNobody_isNotCaughtUp() {
        given(processor.processingStatus()).willReturn(Map.of());
        given(elsewhere.slowestPosition("machine-list")).willReturn(OptionalLong.empty());

        var lag = new EventProcessorLags(processing, events, elsewhere).read().getFirst();

        assertThat(lag.lag()).isEmpty();
        assertThat(lag.caughtUp(1000)).isFalse();
    }

    private static EventTrackerStatus at(long position) {
        var status = mock(EventTrackerStatus.class);
        given(status.getCurrentPosition()).willReturn(OptionalLong.of(position));
        return status;
    }
}
