package io.harbormaster.command.driver;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs driver calls on virtual threads, at most {@code maxConcurrentCalls} at a time. Driver calls wait on networks
 * and clouds for minutes; virtual threads keep that cheap, and the bound keeps a burst of requests from opening
 * hundreds of SSH or cloud sessions at once. Calls beyond the bound wait for a permit on their own virtual thread,
 * so the event processor that submitted them is never blocked.
 */
public final class DriverCallExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DriverCallExecutor.class);

    private final Semaphore permits;
    private final ExecutorService threads;
    private final java.time.Duration shutdownGrace;

    public DriverCallExecutor(int maxConcurrentCalls) {
        this(maxConcurrentCalls, java.time.Duration.ofSeconds(30));
    }

    /** With {@code shutdownGrace}: how long a shutdown waits for running calls before interrupting them. */
    public DriverCallExecutor(int maxConcurrentCalls, java.time.Duration shutdownGrace) {
        this.shutdownGrace = shutdownGrace;
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1; got " + maxConcurrentCalls);
        }
        this.permits = new Semaphore(maxConcurrentCalls, true);
        this.threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("driver-call-", 0).factory());
    }

    /** Runs {@code call} as soon as a permit is free. Exceptions are logged; callers report failures themselves. */
    public void submit(Runnable call) {
        threads.execute(() -> {
            permits.acquireUninterruptibly();
            try {
                call.run();
            } catch (RuntimeException e) {
                log.error("Driver call failed unexpectedly", e);
            } finally {
                permits.release();
            }
        });
    }

    /** How many more calls could run right now. */
    public int availablePermits() {
        return permits.availablePermits();
    }

    /**
     * Stops taking calls and waits for running ones up to the shutdown grace (30 s by default), so a shutdown does
     * not cut a call short; calls cut off anyway are resumed on the next start (pending operations).
     */
    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Driver calls still running at shutdown were interrupted");
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
