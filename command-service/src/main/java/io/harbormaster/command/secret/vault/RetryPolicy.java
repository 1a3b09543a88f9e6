package io.harbormaster.command.secret.vault;

import java.time.Duration;

/**
 * How often and how patiently a transient failure (no connection, a 5xx, a standby answering 429) is tried again:
 * {@code maxAttempts} calls in all, waiting {@code initialBackoff}, then twice as long each time, at most
 * {@code maxBackoff}. Refusals (403, 404, 400) and a sealed Vault are never retried: waiting does not change them.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(4));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retries.max-attempts must be at least 1 (1 = no retry), not "
                    + maxAttempts);
        }
        if (initialBackoff == null || initialBackoff.isNegative() || maxBackoff == null || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("retry back-off durations must be zero or positive");
        }
    }

    /** How long to wait after failed attempt number {@code attempt} (1-based) before the next one. */
    public Duration backoffAfter(int attempt) {
        var delay = initialBackoff;
        for (int i = 1; i < attempt && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
