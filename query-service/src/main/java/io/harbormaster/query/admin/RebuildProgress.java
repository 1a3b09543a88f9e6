package io.harbormaster.query.admin;

import java.time.Instant;

/**
 * Where the latest rebuild stands. While it runs, the live read models keep serving; they are replaced only when the
 * rebuild has caught up with the event store ({@code phase} {@code DONE}).
 *
 * @param phase           {@code IDLE} (none since start), {@code REPLAYING} (into the shadow tables),
 *                        {@code INDEXING} (the readers' indexes on the replayed rows), {@code SWITCHING} (the live
 *                        processors paused for the last events and the swap), {@code DONE} or {@code FAILED}
 * @param eventsProcessed events replayed so far
 * @param eventsTotal     events processed plus those between the rebuild's position and the store's head now
 * @param eventsPerSecond the mean rate since the start
 * @param etaSeconds      the remaining events at that rate (null when unknown or finished)
 * @param parkedEvents    events the replay parked in the dead-letter queues (swapped in with the tables)
 * @param failure         why a {@code FAILED} rebuild stopped; the live read models were left as they were
 */
public record RebuildProgress(String phase, long eventsProcessed, long eventsTotal, double eventsPerSecond,
                              Long etaSeconds, int parkedEvents, Instant startedAt, Instant finishedAt,
                              String failure) {

    static RebuildProgress idle() {
        return new RebuildProgress("IDLE", 0, 0, 0, null, 0, null, null, null);
    }

    boolean running() {
        return switch (phase) {
            case "REPLAYING", "INDEXING", "SWITCHING" -> true;
            default -> false;
        };
    }
}
