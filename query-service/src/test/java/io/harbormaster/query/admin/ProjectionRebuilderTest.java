package io.harbormaster.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rebuilder against mocked Axon processors and rebuild: it leaves the live processors alone, and the caught-up check. */
class ProjectionRebuilderTest {

    final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    final EventStore eventStore = mock(EventStore.class);
    final Map<String, StreamingEventProcessor> processors = new HashMap<>();
    final ShadowRebuild shadow = mock(ShadowRebuild.class);
    final ProjectionRebuilder rebuilder = new ProjectionRebuilder(processing, eventStore, shadow);

    @BeforeEach
    void fourProcessors() {
        for (var group : ProjectionRebuilder.PROCESSING_GROUPS) {
            var processor = mock(StreamingEventProcessor.class);
            given(processor.getName()).willReturn(group);
            given(processor.supportsReset()).willReturn(true);
            given(processor.isRunning()).willReturn(true);
            processors.put(group, processor);
            given(processing.eventProcessorByProcessingGroup(eq(group), eq(StreamingEventProcessor.class)))
                    .willReturn(Optional.of(processor));
        }
        given(eventStore.createHeadToken()).willReturn(new GlobalSequenceTrackingToken(41));
        given(shadow.progress()).willReturn(RebuildProgress.idle());
    }

    @Test
    void rebuildAll_startsAShadowRebuildOfEveryProcessorsGroup_andTouchesNoLiveProcessor() {
        given(shadow.start()).willReturn(ProjectionRebuilder.PROCESSING_GROUPS);

        assertThat(rebuilder.rebuildAll()).containsExactly("machine-list", "audit-trail", "teams", "users");
        verify(shadow).start();
        processors.values().forEach(processor -> {
            verify(processor, never()).shutDown();
            verify(processor, never()).resetTokens();
        });
    }

    @Test
    void aSecondRebuildWhileOneRuns_isRefused() {
        willThrow(new IllegalStateException("A rebuild is already running")).given(shadow).start();

        assertThatThrownBy(rebuilder::rebuildAll).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already running");
    }

    @Test
    void notCaughtUp_whileTheShadowRebuildRuns_thoughTheLiveProcessorsAre() throws Exception {
        processors.values().forEach(p -> status(p, true, false, 41));
        given(shadow.progress()).willReturn(
                new RebuildProgress("REPLAYING", 10, 41, 100, 1L, 0, Instant.now(), null, null));

        assertThat(rebuilder.awaitCaughtUp(Duration.ofMillis(150))).isFalse();
    }

    @Test
    void caughtUp_whenEverySegmentReachedTheHead() throws Exception {
        processors.values().forEach(p -> status(p, true, false, 41));

        assertThat(rebuilder.awaitCaughtUp(Duration.ofMillis(50))).isTrue();
        assertThat(rebuilder.status()).allSatisfy(s -> {
            assertThat(s.caughtUp()).isTrue();
            assertThat(s.position()).isEqualTo(41);
            assertThat(s.headPosition()).isEqualTo(41);
        });
    }

    @Test
    void notCaughtUp_whileOneIsStillReplaying() throws Exception {
        processors.values().forEach(p -> status(p, true, false, 41));
        status(processors.get("audit-trail"), false, true, 12);

        assertThat(rebuilder.awaitCaughtUp(Duration.ofMillis(250))).isFalse();
        var audit = rebuilder.status().get(1);
        assertThat(audit.name()).isEqualTo("audit-trail");
        assertThat(audit.replaying()).isTrue();
        assertThat(audit.position()).isEqualTo(12);
    }

    @Test
    void caughtUp_whenAReplayReachedTheHead_thoughAxonStillCallsItReplaying() throws Exception {
        // Axon ends a replay only when an event newer than the reset point arrives.
        processors.values().forEach(p -> status(p, true, true, 41));

        assertThat(rebuilder.awaitCaughtUp(Duration.ofMillis(50))).isTrue();
    }

    @Test
    void notCaughtUp_beforeAnySegmentIsClaimed() throws Exception {
        processors.values().forEach(p -> status(p, true, false, 41));
        given(processors.get("users").processingStatus()).willReturn(Map.of());

        assertThat(rebuilder.awaitCaughtUp(Duration.ofMillis(150))).isFalse();
    }

    private static void status(StreamingEventProcessor processor, boolean caughtUp, boolean replaying, long position) {
        var segment = mock(EventTrackerStatus.class);
        given(segment.isCaughtUp()).willReturn(caughtUp);
        given(segment.isReplaying()).willReturn(replaying);
        given(segment.getCurrentPosition()).willReturn(OptionalLong.of(position));
        given(processor.processingStatus()).willReturn(Map.of(0, segment));
    }
}
