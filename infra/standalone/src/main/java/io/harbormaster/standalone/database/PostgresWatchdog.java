package io.harbormaster.standalone.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL again when it died while the platform runs (killed, crashed, out of memory), on the
 * same port with the same password and data, so the connection pool finds it again by itself. Until then requests
 * answer 503 (database unavailable). Checked every second; a failed start is tried again at the next check.
 */
final class PostgresWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresWatchdog.class);

    private final EmbeddedPostgresServer server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "embedded-postgres-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean down;

    PostgresWatchdog(EmbeddedPostgresServer server, Duration interval) {
        this.server = server;
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (server.isRunning()) {
            return;
        }
        if (!down) {
            log.warn("Embedded PostgreSQL is not running; starting it again with the data in {}",
                    server.dataDirectory());
            down = true;
        }
        try {
            server.start();
            down = false;
            log.info("Embedded PostgreSQL is back on 127.0.0.1:{}", server.port());
        } catch (Exception e) {
            log.warn("Embedded PostgreSQL could not be started again yet: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(90, TimeUnit.SECONDS);
    }
}
