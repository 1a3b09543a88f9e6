package io.harbormaster.query.admin;

import java.time.Instant;

/**
 * One parked event as admins see it. {@code sequenceId} is the aggregate whose later events wait behind it;
 * {@code eventTime} is when the event happened, {@code enqueuedAt} when it was parked, {@code lastTouched} the last
 * attempt to apply it.
 */
public record DeadLetterView(String processingGroup, String sequenceId, String eventId, String eventType,
                             String causeType, String causeMessage, Instant eventTime, Instant enqueuedAt,
                             Instant lastTouched) {
}
