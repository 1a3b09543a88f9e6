package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * docker-machine's {@code -t/--timeout} for hm: how long to wait for the server. The call runs on a virtual thread
 * (a daemon), so giving up leaves nothing that keeps hm from exiting.
 */
final class TimeLimit {

    private TimeLimit() {
    }

    /** {@code call}'s answer, or an {@link HmException} with {@code onTimeout} when it takes longer than {@code limit}. */
    static <T> T within(Duration limit, String onTimeout, Supplier<T> call) {
        // Not closed with try-with-resources: close() would wait for a call that timed out. It is cancelled, and
        // virtual threads do not keep the JVM alive.
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        var future = executor.submit(call::get);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HmException(onTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new HmException("Interrupted", 130);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    static Duration seconds(int seconds) {
        if (seconds < 1) {
            throw new HmException("--timeout must be at least 1 second; got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
