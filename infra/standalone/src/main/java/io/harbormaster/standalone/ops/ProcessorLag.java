package io.harbormaster.standalone.ops;

import java.util.OptionalLong;

/**
 * Where one tracking processor stands: whether it runs, whether a segment is failing (and with which exception
 * class, never its message, which may quote data), and how many events of the store it has not reached yet, counting
 * the slowest of its segments, here or held by other replicas ({@code heldElsewhere}: some or all of its segments are
 * held elsewhere); empty while this node holds none of them and nobody keeps one of them current.
 */
record ProcessorLag(String processor, boolean running, String failure, OptionalLong lag, int segmentsHere,
                    boolean heldElsewhere) {

    /**
     * Runs, fails nowhere, its segments are held (here, by other live replicas, or some of each) and at most
     * {@code maxLag} events behind.
     */
    boolean caughtUp(long maxLag) {
        return running && failure == null && lag.isPresent() && lag.getAsLong() <= maxLag;
    }
}
