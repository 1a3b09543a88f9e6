package io.harbormaster.query.config;

import io.harbormaster.db.DatabaseUnavailable;
import java.sql.SQLException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Decides what happens to an event a projection failed to apply. A database that is out of reach is no fault of
 * the event: the failure propagates, the batch is retried once the database is back, and nothing is parked. Nor is a
 * deadlock or a lock that could not be had: two segments' batches (in one replica or two) met over the same rows or
 * name lock, PostgreSQL aborted one of them, and running it again succeeds. Every other failure parks the event
 * with its cause. The cause's message is stored and shown to admins, so its control
 * characters are replaced (PostgreSQL refuses NUL in text) and it is cut to the column's width.
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    static final int MAX_MESSAGE = 1000;

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (DatabaseUnavailable.isCause(cause) || isLockConflict(cause)) {
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        return Decisions.enqueue(new ThrowableCause(cause.getClass().getName(), readable(cause.getMessage())));
    }

    /** SQLSTATE 40P01 (deadlock detected), 40001 (serialization failure), 55P03 (lock not available). */
    static boolean isLockConflict(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("40P01") || sql.getSQLState().equals("40001")
                    || sql.getSQLState().equals("55P03"))) {
                return true;
            }
        }
        return false;
    }

    static String readable(String message) {
        if (message == null) {
            return "";
        }
        var out = new StringBuilder(Math.min(message.length(), MAX_MESSAGE));
        message.codePoints().limit(MAX_MESSAGE).forEach(c -> {
            if (c == '\n' || c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c)) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
