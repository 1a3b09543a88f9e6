package io.harbormaster.query.admin;

import java.sql.Connection;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;

/**
 * One lane of a rebuild: applies batches of events to some of the shadow projections, one transaction per batch on a
 * connection of its own.
 *
 * <p>A batch runs without savepoints: a savepoint per handler is two more round trips per event, most of the
 * live processors' cost. Only when a batch fails is it rolled back and applied again with a savepoint around each
 * handler, so that the failing event is parked (as the live processors would park it, by the group's dead-letter
 * policy) and the rest of the batch is kept.
 */
final class ShadowReplay {

    private final Connection connection;
    private final List<ShadowProjections.Handler> handlers;
    private final EventProcessingConfiguration processing;
    private volatile ParkedEvents parked = new ParkedEvents();

    ShadowReplay(Connection connection, List<ShadowProjections.Handler> handlers,
                 EventProcessingConfiguration processing) {
        this.connection = connection;
        this.handlers = handlers;
        this.processing = processing;
    }

    /** Applies and commits a batch of events. */
    void apply(List<TrackedEventMessage<?>> batch) throws Exception {
        var attempt = parked.copy();
        try {
            for (var event : batch) {
                apply(event, attempt, false);
            }
            handlers.forEach(handler -> handler.flush().run());
            connection.commit();
        } catch (Exception failure) {
            connection.rollback();
            handlers.forEach(handler -> handler.discard().run());
            attempt = parked.copy();
            for (var event : batch) {
                apply(event, attempt, true);
            }
            connection.commit();
        }
        parked = attempt;
    }

    private void apply(TrackedEventMessage<?> event, ParkedEvents into, boolean guarded) throws Exception {
        for (var handler : handlers) {
            if (!handler.adapter().canHandle(event)) {
                continue;
            }
            Object sequence = null;
            if (!into.isEmpty() || guarded) {
                sequence = processing.sequencingPolicy(handler.group()).getSequenceIdentifierFor(event);
                if (sequence == null) {
                    sequence = event.getIdentifier();
                }
                if (into.holds(handler.group(), sequence)) {
                    into.queueBehind(handler.group(), sequence, event);
                    continue;
                }
            }
            if (!guarded) {
                handler.adapter().handle(event);
                continue;
            }
            var savepoint = connection.setSavepoint();
            try {
                handler.adapter().handle(event);
                handler.flush().run();
                connection.releaseSavepoint(savepoint);
            } catch (Exception failure) {
                connection.rollback(savepoint);
                handler.discard().run();
                into.park(handler.group(), sequence, event, causeFor(handler.group(), sequence, event, failure));
            }
        }
    }

    /** The cause as the group's policy records it; a policy that refuses to park (database gone) fails the rebuild. */
    private Throwable causeFor(String group, Object sequence, TrackedEventMessage<?> event, Exception failure) {
        var policy = processing.deadLetterPolicy(group);
        if (policy.isEmpty()) {
            return failure;
        }
        var decision = policy.get().decide(
                new GenericDeadLetter<>(sequence, event), failure);
        return decision.enqueueCause().orElse(failure);
    }

    ParkedEvents parked() {
        return parked;
    }
}
