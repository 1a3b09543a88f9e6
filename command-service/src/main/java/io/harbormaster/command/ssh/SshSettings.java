package io.harbormaster.command.ssh;

import java.time.Duration;
import java.util.Objects;

/**
 * How long SSH may take and how much it may bring back.
 *
 * @param connectTimeout to open the TCP connection
 * @param authTimeout for each step of the SSH handshake: key exchange, then authentication
 * @param commandTimeout for a command when the caller gives none
 * @param maxOutputBytes of a command's standard output and, separately, its standard error; the rest is dropped
 * @param maxReadBytes of a file read back from the host
 */
public record SshSettings(Duration connectTimeout, Duration authTimeout, Duration commandTimeout, int maxOutputBytes,
                          int maxReadBytes) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_READ_BYTES = 16 << 20;

    public SshSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(authTimeout, "authTimeout");
        requirePositive(commandTimeout, "commandTimeout");
        if (maxOutputBytes < 1 || maxReadBytes < 1) {
            throw new IllegalArgumentException("SSH output and read limits must be at least 1 byte");
        }
    }

    public static SshSettings defaults() {
        return new SshSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_AUTH_TIMEOUT, DEFAULT_COMMAND_TIMEOUT,
                DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_MAX_READ_BYTES);
    }

    static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("SSH " + name + " must be positive and under 24 days, not " + duration);
        }
    }
}
