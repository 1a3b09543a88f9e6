package io.harbormaster.standalone.ops;

import java.util.OptionalLong;

/**
 * Where one tracking processor stands: whether it runs, whether a segment is failing (and with which exception
 * class, never its message, which may quote data), and how many events of the store it has not reached yet (empty
 * while it holds no segment).
 */
record ProcessorLag(String processor, boolean running, String failure, OptionalLong lag) {

    /** Runs, fails nowhere, holds its segments and is at most {@code maxLag} events behind. */
    boolean caughtUp(long maxLag) {
        return running && failure == null && lag.isPresent() && lag.getAsLong() <= maxLag;
    }
}
