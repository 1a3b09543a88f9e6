package io.harbormaster.command.refusal;

/**
 * A command refused because a driver found its options missing or wrong (HTTP 422, {@code invalid-driver-options}).
 * A driver's own exception knows nothing of commands; this carries it as a refusal.
 */
public class DriverOptionsRefusedException extends UnprocessableCommandException {

    private final String option;

    public DriverOptionsRefusedException(String option, String message) {
        super("invalid-driver-options", message);
        this.option = option;
    }

    /** The name of the bad option. */
    public String option() {
        return option;
    }
}
