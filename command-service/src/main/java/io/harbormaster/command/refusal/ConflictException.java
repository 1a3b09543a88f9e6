package io.harbormaster.command.refusal;

/** The command does not fit the current state of what it addresses (HTTP 409); the message says how to proceed. */
public class ConflictException extends CommandRefusedException {

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
