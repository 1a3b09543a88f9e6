package io.harbormaster.command.refusal;

/**
 * The command is well formed but cannot be carried out as asked, for a reason that waiting will not fix: an unknown
 * driver, bad driver options, an operation the driver does not support (HTTP 422).
 */
public abstract class UnprocessableCommandException extends CommandRefusedException {

    protected UnprocessableCommandException(String code, String message) {
        super(code, message);
    }
}
