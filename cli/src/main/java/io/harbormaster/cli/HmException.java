package io.harbormaster.cli;

/**
 * A failure the user can act on: its message is printed as it is, without a stack trace, and {@code hm} exits with
 * the code. Messages never contain credentials.
 */
public class HmException extends RuntimeException {

    private final int exitCode;

    public HmException(String message) {
        this(message, 1);
    }

    public HmException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
