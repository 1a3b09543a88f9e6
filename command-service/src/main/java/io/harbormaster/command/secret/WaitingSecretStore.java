package io.harbormaster.command.secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret store as everything in the platform uses it, with one difference for background work. A request that
 * needs the store while it is away or sealed fails at once (503: the person retries). Work the platform does on its
 * own behalf (provisioning a machine it accepted, a renewal, a removal) runs {@link #waitingUpTo waiting}: a call
 * that finds the store unreachable or sealed waits for it, backing off up to {@link #MAX_PAUSE}, and carries on when
 * it is back, so an outage of Vault delays that work instead of failing the machine. Past the patience the failure
 * is thrown as before and the machine shows it. Other failures (access denied, a missing secret) never wait.
 */
public final class WaitingSecretStore implements SecretStore {

    static final Duration MAX_PAUSE = Duration.ofSeconds(10);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(WaitingSecretStore.class);
    private static final ThreadLocal<Instant> WAIT_UNTIL = new ThreadLocal<>();

    private final SecretStore store;
    private final Clock clock;

    public WaitingSecretStore(SecretStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Runs {@code work} on this thread with calls to the store waiting for it for up to {@code patience}. */
    public static <T> T waitingUpTo(Duration patience, Callable<T> work) throws Exception {
        return waitingUntil(Instant.now().plus(patience), work);
    }

    /** The same with the deadline of the work that hands part of itself to another thread ({@link #deadline()}). */
    public static <T> T waitingUntil(Instant deadline, Callable<T> work) throws Exception {
        var outer = WAIT_UNTIL.get();
        WAIT_UNTIL.set(deadline);
        try {
            return work.call();
        } finally {
            if (outer == null) {
                WAIT_UNTIL.remove();
            } else {
                WAIT_UNTIL.set(outer);
            }
        }
    }

    /** Until when calls on this thread wait for the store; null when they fail at once. */
    public static Instant deadline() {
        return WAIT_UNTIL.get();
    }

    /** The store it waits for (Vault or the sealed database store). */
    public SecretStore store() {
        return store;
    }

    @Override
    public SecretVersion write(SecretPath path, Map<String, String> data) {
        return patiently("write", path, () -> store.write(path, data));
    }

    @Override
    public Optional<Secret> read(SecretPath path) {
        return patiently("read", path, () -> store.read(path));
    }

    @Override
    public Optional<Secret> read(SecretPath path, long version) {
        return patiently("read", path, () -> store.read(path, version));
    }

    @Override
    public void destroy(SecretPath path) {
        patiently("removal", path, () -> {
            store.destroy(path);
            return null;
        });
    }

    @Override
    public List<String> list(SecretPath folder) {
        return patiently("listing", folder, () -> store.list(folder));
    }

    @Override
    public StoreHealth health() {
        return store.health();
    }

    private <T> T patiently(String operation, SecretPath path, Supplier<T> call) {
        var deadline = WAIT_UNTIL.get();
        var pause = FIRST_PAUSE;
        var waitingSince = (Instant) null;
        while (true) {
            try {
                var result = call.get();
                if (waitingSince != null) {
                    log.info("The secret store is back; the {} of '{}' went through after waiting {} s", operation,
                            path, Duration.between(waitingSince, clock.instant()).toSeconds());
                }
                return result;
            } catch (SecretStoreUnreachableException | SecretStoreSealedException e) {
                var now = clock.instant();
                if (deadline == null || !now.isBefore(deadline)) {
                    throw e;
                }
                if (waitingSince == null) {
                    waitingSince = now;
                    log.warn("The secret store is not available for the {} of '{}' ({}); background work waits for "
                            + "it until {}", operation, path, e.getMessage(), deadline);
                }
                sleep(min(pause, Duration.between(now, deadline)));
                pause = min(pause.multipliedBy(2), MAX_PAUSE);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretStoreUnreachableException("Interrupted while waiting for the secret store to come back", e);
        }
    }
}
