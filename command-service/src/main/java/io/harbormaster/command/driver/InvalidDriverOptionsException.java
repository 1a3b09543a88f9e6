package io.harbormaster.command.driver;

import io.harbormaster.command.refusal.UnprocessableCommandException;

/** A driver option is missing or wrong (HTTP 422); the message names the option and shows a valid example. */
public class InvalidDriverOptionsException extends UnprocessableCommandException {

    private final String option;

    public InvalidDriverOptionsException(String option, String message) {
        super("invalid-driver-options", message);
        this.option = option;
    }

    /** The name of the bad option. */
    public String option() {
        return option;
    }
}
