package io.harbormaster.standalone.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the settings are known, before Spring creates a
 * single bean: unpacking the binaries, initdb and the postmaster's start then overlap the seconds Spring spends
 * loading classes and building the context, instead of following them. {@link EmbeddedPostgresConfiguration} takes
 * the server it started; a start that fails before that stops it again. Registered in META-INF/spring.factories, so
 * it sees every SpringApplication of the platform, including the tests'; it does nothing when a database is
 * configured (the same condition as the configuration's) or {@code harbormaster.embedded-postgres.early-start} is
 * false.
 */
public final class EarlyEmbeddedPostgres implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedPostgres.class);
    private static final Map<String, CompletableFuture<EmbeddedPostgresServer>> STARTING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            var environment = prepared.getEnvironment();
            var url = environment.getProperty("spring.datasource.url");
            if (url != null && !url.equals("embedded")
                    || !environment.getProperty("harbormaster.embedded-postgres.early-start", Boolean.class, true)) {
                return;
            }
            var home = Path.of(environment.getRequiredProperty("harbormaster.home"));
            var port = environment.getProperty("harbormaster.embedded-postgres.port", Integer.class, 0);
            var started = new CompletableFuture<EmbeddedPostgresServer>();
            STARTING.put(key(home, port), started);
            Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
                try {
                    started.complete(EmbeddedPostgresConfiguration.startServer(home, port));
                } catch (IOException | RuntimeException | Error e) {
                    started.completeExceptionally(e);
                }
            });
        } else if (event instanceof ApplicationFailedEvent) {
            STARTING.values().removeIf(left -> {
                left.thenAccept(EarlyEmbeddedPostgres::stop);
                return true;
            });
        }
    }

    /** The server started early for this home and port, once; empty when none was (the caller starts it itself). */
    static Optional<EmbeddedPostgresServer> take(Path home, int port) throws IOException {
        var started = STARTING.remove(key(home, port));
        if (started == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(started.join());
        } catch (java.util.concurrent.CompletionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case UncheckedIOException io -> throw io.getCause();
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw e;
            }
        }
    }

    private static String key(Path home, int port) {
        return home.toAbsolutePath().normalize() + ":" + port;
    }

    private static void stop(EmbeddedPostgresServer server) {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL after a failed start: {}", e.getMessage());
        }
    }
}
