package io.harbormaster.command.refusal;

/**
 * The caller may see what the command refers to but lacks the role the command needs (HTTP 403, problem type
 * {@code forbidden}). The message names the role that would allow it.
 */
public class ForbiddenException extends CommandRefusedException {

    public ForbiddenException(String message) {
        super("forbidden", message);
    }
}
