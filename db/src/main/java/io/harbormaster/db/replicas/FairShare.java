package io.harbormaster.db.replicas;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * How many of a processor's {@code segments} one of {@code replicas} live replicas should hold at most: the segments
 * divided by the replicas, rounded up, so that together they hold every segment. Axon claims greedily (the first
 * replica to start takes every segment and keeps it), so a replica above its share lets the rest go.
 */
public record FairShare(int segments, int replicas) {

    public FairShare {
        if (segments < 0) {
            throw new IllegalArgumentException("segments must not be negative: " + segments);
        }
        replicas = Math.max(1, replicas);   // this replica counts even before its first heartbeat is seen
    }

    public int share() {
        return (segments + replicas - 1) / replicas;
    }

    /** Which of the {@code held} segments to let go: the ones above the share, highest ids first. */
    public List<Integer> toRelease(Collection<Integer> held) {
        int excess = held.size() - share();
        if (excess <= 0) {
            return List.of();
        }
        return held.stream().sorted(Comparator.reverseOrder()).limit(excess).toList();
    }
}
