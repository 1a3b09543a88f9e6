package io.harbormaster.command.driver;

import io.harbormaster.command.refusal.UnprocessableCommandException;
import io.harbormaster.driver.InvalidDriverOptionsException;

/**
 * A command refused because a driver found its options missing or wrong (HTTP 422, {@code invalid-driver-options}).
 * The driver's {@link InvalidDriverOptionsException} knows nothing of commands; this carries it as a refusal.
 */
public class DriverOptionsRefusedException extends UnprocessableCommandException {

    private final String option;

    public DriverOptionsRefusedException(String option, String message) {
        super("invalid-driver-options", message);
        this.option = option;
    }

    public DriverOptionsRefusedException(InvalidDriverOptionsException invalid) {
        this(invalid.option(), invalid.getMessage());
    }

    /** The name of the bad option. */
    public String option() {
        return option;
    }
}
