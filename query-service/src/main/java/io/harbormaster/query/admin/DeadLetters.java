package io.harbormaster.query.admin;

import io.harbormaster.query.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Service;

/**
 * The events the projections could not apply, parked per aggregate in each processing group's dead-letter queue:
 * listed, processed again and evicted by platform admins, and counted for health reports.
 */
@Service
public class DeadLetters {

    /** A processing group's parked events: how many and in how many sequences (aggregates). */
    public record GroupCount(String processingGroup, long deadLetters, long sequences) {
    }

    private final EventProcessingConfiguration processing;

    public DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** How many events are parked in each projection's queue, for health checks and the admin overview. */
    public List<GroupCount> counts() {
        return ProjectionRebuilder.PROCESSING_GROUPS.stream()
                .map(group -> queue(group).map(q -> new GroupCount(group, q.size(), q.amountOfSequences()))
                        .orElseGet(() -> new GroupCount(group, 0, 0)))
                .toList();
    }

    /** Every parked event of {@code group}, by sequence in the queue's order. */
    List<DeadLetterView> list(String group) {
        var letters = new ArrayList<DeadLetterView>();
        for (var sequence : existingQueue(group).deadLetters()) {
            for (var letter : sequence) {
                letters.add(view(group, letter));
            }
        }
        return letters;
    }

    /**
     * Processes the parked events of one sequence again, in order, until one fails (it is parked again with its new
     * cause). Answers whether the whole sequence was applied.
     */
    boolean retry(String group, String sequenceId) {
        var first = first(group, sequenceId);
        String eventId = first.message().getIdentifier();
        return processor(group).process(letter -> letter.message().getIdentifier().equals(eventId));
    }

    /** Processes every sequence of {@code group} once; answers how many sequences were applied completely. */
    int retryAll(String group) {
        var queue = existingQueue(group);
        var processor = processor(group);
        long sequences = queue.amountOfSequences();
        int applied = 0;
        for (long i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                applied++;
            }
        }
        return applied;
    }

    /** Drops the parked events of one sequence for good; the projection will not have applied them. */
    int evict(String group, String sequenceId) {
        var queue = existingQueue(group);
        first(group, sequenceId);
        List<DeadLetter<? extends EventMessage<?>>> letters = StreamSupport
                .stream(queue.deadLetterSequence(sequenceId).spliterator(), false)
                .<DeadLetter<? extends EventMessage<?>>>map(l -> l).toList();
        letters.forEach(queue::evict);
        return letters.size();
    }

    private DeadLetter<? extends EventMessage<?>> first(String group, String sequenceId) {
        var iterator = existingQueue(group).deadLetterSequence(sequenceId).iterator();
        if (!iterator.hasNext()) {
            throw new NotFoundException("No parked events in processing group " + group + " for sequence "
                    + sequenceId + "; GET /api/admin/dead-letters/" + group + " lists the parked ones.");
        }
        return iterator.next();
    }

    private static DeadLetterView view(String group, DeadLetter<? extends EventMessage<?>> letter) {
        var message = letter.message();
        String sequence = letter instanceof JpaDeadLetter<?> jpa ? jpa.getSequenceIdentifier() : null;
        return new DeadLetterView(group, sequence, message.getIdentifier(), message.getPayloadType().getName(),
                letter.cause().map(c -> c.type()).orElse(null), letter.cause().map(c -> c.message()).orElse(null),
                message.getTimestamp(), letter.enqueuedAt(), letter.lastTouched());
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        return processing.deadLetterQueue(group);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> existingQueue(String group) {
        if (!ProjectionRebuilder.PROCESSING_GROUPS.contains(group)) {
            throw new NotFoundException("There is no projection named " + group + "; use one of "
                    + String.join(", ", ProjectionRebuilder.PROCESSING_GROUPS) + ".");
        }
        return queue(group).orElseThrow(() -> new NotFoundException(
                "Projection " + group + " runs without a dead-letter queue in this application."));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
        existingQueue(group);
        return processing.sequencedDeadLetterProcessor(group).orElseThrow(() -> new NotFoundException(
                "Projection " + group + " runs without a dead-letter queue in this application."));
    }
}
