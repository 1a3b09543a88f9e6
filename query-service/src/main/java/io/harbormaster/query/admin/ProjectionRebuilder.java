package io.harbormaster.query.admin;

import io.harbormaster.query.audit.AuditTrailProjection;
import io.harbormaster.query.machine.MachineListProjection;
import io.harbormaster.query.team.TeamsProjection;
import io.harbormaster.query.user.UsersProjection;
import java.time.Duration;
import java.util.ArrayList;
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
 * Rebuilds the read models by replaying the event store into them, and tells when they have caught up.
 *
 * <p>A reset needs every token segment of a processor, so in a deployment with several query replicas the other
 * replicas must have released their claims (stopped their processors) first; otherwise Axon refuses the reset.
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

    public ProjectionRebuilder(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /**
     * Stops each processor, resets its tokens (which runs the projection's reset handler and empties its tables) and
     * starts it again to replay from the first event. Returns the processing groups that were reset; a group without
     * a streaming processor in this application is skipped and left out.
     *
     * @throws IllegalStateException when a processor cannot be reset (a replica still holds one of its segments)
     */
    public List<String> rebuildAll() {
        var reset = new ArrayList<String>();
        for (var group : PROCESSING_GROUPS) {
            var found = processor(group);
            if (found.isEmpty()) {
                LOG.warn("No streaming event processor for processing group {}; not rebuilt", group);
                continue;
            }
            var processor = found.get();
            if (!processor.supportsReset()) {
                throw new IllegalStateException("Processor " + processor.getName() + " does not support a reset");
            }
            processor.shutDown();
            try {
                processor.resetTokens();
            } catch (RuntimeException e) {
                // never leave a projection stopped because its rebuild was refused
                processor.start();
                throw new IllegalStateException("Could not reset projection " + group + ": " + e.getMessage(), e);
            }
            processor.start();
            LOG.info("Projection {} reset; replaying the event store", group);
            reset.add(group);
        }
        return List.copyOf(reset);
    }

    /**
     * Waits until every processor has processed the event store up to the head as it is now, polling, at most
     * {@code timeout}. Returns whether they all caught up in time.
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        var head = headPosition();
        long deadline = System.nanoTime() + timeout.toNanos();
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
