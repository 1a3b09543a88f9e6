package io.harbormaster.standalone.ops;

import java.util.OptionalLong;

/**
 * Where one tracking processor stands: whether it runs, whether a segment is failing (and with which exception
 * class, never its message, which may quote data), and how many events of the store it has not reached yet: here,
 * or, where this node holds none of its segments and other live replicas hold them all, there ({@code heldElsewhere});
 * empty while no node holds them.
 */
record ProcessorLag(String processor, boolean running, String failure, OptionalLong lag, boolean heldElsewhere) {

    /**
     * Runs, fails nowhere, its segments are held (here, or all by other live replicas) and at most {@code maxLag}
     * events behind.
     */
    boolean caughtUp(long maxLag) {
        return running && failure == null && lag.isPresent() && lag.getAsLong() <= maxLag;
    }
}
