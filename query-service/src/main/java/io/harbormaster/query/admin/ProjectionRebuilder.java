package io.harbormaster.query.admin;

import io.harbormaster.query.audit.AuditTrailProjection;
import io.harbormaster.query.machine.MachineListProjection;
import io.harbormaster.query.team.TeamsProjection;
import io.harbormaster.query.user.UsersProjection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the read models from the event store without taking them away ({@link ShadowRebuild}), and tells where
 * each projection's processor stands.
 *
 * <p>The switch-over hands the rebuild's position to every token segment of each processor, so in a deployment with
 * several query replicas the other replicas must have released their claims (stopped their processors) first;
 * otherwise the switch-over fails and the live tables stay as they were.
 */
@Service
public class ProjectionRebuilder {

    /** Every processing group of the query side, in the order they are rebuilt. */
    public static final List<String> PROCESSING_GROUPS = List.of(MachineListProjection.PROCESSING_GROUP,
            AuditTrailProjection.PROCESSING_GROUP, TeamsProjection.PROCESSING_GROUP, UsersProjection.PROCESSING_GROUP);

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ShadowRebuild shadow;

    public ProjectionRebuilder(EventProcessingConfiguration processing, EventStore eventStore, ShadowRebuild shadow) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.shadow = shadow;
    }

    /**
     * Starts a rebuild of every read model into shadow tables while the live ones keep serving
     * ({@link ShadowRebuild}); the switch-over happens once it has caught up. Returns the processing groups it will
     * switch over; a group without a streaming processor in this application is left out.
     *
     * @throws IllegalStateException when a rebuild is already running
     */
    public List<String> rebuildAll() {
        var groups = shadow.start();
        PROCESSING_GROUPS.stream().filter(group -> !groups.contains(group))
                .forEach(group -> LOG.warn("No streaming event processor for processing group {}; not rebuilt", group));
        LOG.info("Rebuilding projections {} into shadow tables; the live ones keep serving", groups);
        return groups;
    }

    /** The latest rebuild's progress: events replayed of the total, rate, time left. */
    public RebuildProgress rebuildProgress() {
        return shadow.progress();
    }

    /**
     * Waits until a running rebuild has switched over and every processor has processed the event store up to the
     * head as it is now, polling, at most {@code timeout}. Returns whether they all caught up in time.
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (shadow.progress().running()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL_INTERVAL);
        }
        var head = headPosition();
        while (true) {
            if (status(head).stream().filter(ProjectionStatus::present).allMatch(s -> caughtUp(s, head))) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL_INTERVAL);
        }
    }

    /** Each processor's state, for the admin endpoint and for operators. */
    public List<ProjectionStatus> status() {
        return status(headPosition());
    }

    private List<ProjectionStatus> status(Long head) {
        return PROCESSING_GROUPS.stream().map(group -> processor(group)
                        .map(p -> describe(group, p, head))
                        .orElseGet(() -> new ProjectionStatus(group, false, false, false, false, null, head)))
                .toList();
    }

    private static ProjectionStatus describe(String group, StreamingEventProcessor processor, Long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        // No claimed segment yet (just started, or claimed by another replica): not known to be caught up.
        // The replay flag is not part of it: Axon keeps a replay token until an event newer than the reset point
        // arrives, so a processor that replayed up to the head still says "replaying" while it is complete.
        boolean caughtUp = !segments.isEmpty() && segments.values().stream()
                .allMatch(s -> s.isCaughtUp() && !s.isErrorState());
        boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        Long position = segments.isEmpty() ? null : segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(-1L))
                .min().orElse(-1L);
        return new ProjectionStatus(group, true, processor.isRunning(), caughtUp, replaying,
                position == null || position < 0 ? null : position, head);
    }

    private static boolean caughtUp(ProjectionStatus status, Long head) {
        if (!status.running() || !status.caughtUp()) {
            return false;
        }
        return head == null || (status.position() != null && status.position() >= head);
    }

    private Optional<StreamingEventProcessor> processor(String group) {
        return processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class);
    }

    private Long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.isPresent() ? position.getAsLong() : null;
    }
}
