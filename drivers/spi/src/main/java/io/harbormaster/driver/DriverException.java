package io.harbormaster.driver;

/** A driver operation failed. The message is shown to users and recorded in events, so it never holds secrets. */
public class DriverException extends RuntimeException {

    public DriverException(String message) {
        super(message);
    }

    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
