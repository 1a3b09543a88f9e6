package io.harbormaster.query.admin;

/**
 * Where one projection's processor stands. {@code position} is the lowest global event index its segments have
 * reached (null before the first event); {@code headPosition} is the event store's newest index at the same moment.
 */
public record ProjectionStatus(String name, boolean present, boolean running, boolean caughtUp, boolean replaying,
                               Long position, Long headPosition) {
}
