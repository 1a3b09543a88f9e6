package io.harbormaster.driver;

/**
 * A driver option is missing or wrong; the message names the option and shows a valid example. The platform refuses
 * the command with it (HTTP 422) when {@link MachineDriver#validate} throws it.
 */
public class InvalidDriverOptionsException extends DriverException {

    private final String option;

    public InvalidDriverOptionsException(String option, String message) {
        super(message);
        this.option = option;
    }

    /** The name of the bad option. */
    public String option() {
        return option;
    }
}
