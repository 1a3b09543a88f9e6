package io.harbormaster.command.ssh;

import io.harbormaster.driver.SshTarget;
import java.time.Duration;
import java.util.Locale;

/**
 * Talking to a host over SSH failed. The subclasses are the failures a caller reacts to differently; this class
 * itself is the rest (a connection lost midway, a protocol error). Messages name the target and what to do next, are
 * shown to users and recorded in events, and never hold key material.
 */
public class SshException extends RuntimeException {

    private final transient SshTarget target;

    SshException(SshTarget target, String message, Throwable cause) {
        super(message, cause);
        this.target = target;
    }

    /** Where the failed session went. */
    public SshTarget target() {
        return target;
    }

    static String describe(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms"
                : duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
