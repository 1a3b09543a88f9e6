package io.harbormaster.command.refusal;

/** The machine's driver cannot carry out the requested operation; nothing was recorded (HTTP 422). */
public class UnsupportedByDriverException extends UnprocessableCommandException {

    public UnsupportedByDriverException(String message) {
        super("unsupported-by-driver", message);
    }
}
