package io.harbormaster.command.reconcile;

import java.util.concurrent.locks.LockSupport;

/** Waits until a moment on {@link System#nanoTime()}'s scale; tests replace it to see the schedule without waiting. */
@FunctionalInterface
interface Pacer {

    /** Sleeps until {@code nanoTime}; returns at once when it has passed. */
    void awaitUntil(long nanoTime);

    Pacer SLEEPING = nanoTime -> {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    };
}
