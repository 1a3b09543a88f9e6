package io.harbormaster.command.driver;

import io.harbormaster.command.refusal.UnprocessableCommandException;
import java.util.Collection;

/** A machine names a driver that is not installed (HTTP 422); the message lists the known ones. */
public class UnknownDriverException extends UnprocessableCommandException {

    public UnknownDriverException(String driver, Collection<String> known) {
        super("unknown-driver", "Driver \"" + driver + "\" not found. Known drivers: " + String.join(", ", known));
    }
}
