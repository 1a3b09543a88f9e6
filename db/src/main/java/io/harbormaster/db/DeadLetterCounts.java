package io.harbormaster.db;

import java.util.Map;

/**
 * How many events are parked in the dead-letter queue, per processing group. The launcher's health and metrics read
 * it when a bean of this type exists; without one they read the dead-letter queues configured in Axon's event
 * processing, and report none when there are none.
 */
public interface DeadLetterCounts {

    /** Parked events by processing group; groups without dead letters may be left out. */
    Map<String, Long> byProcessingGroup();
}
