package io.harbormaster.api.machine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A machine's name, unique within its team. Same rule as docker-machine, so names move between the two tools
 * unchanged; the length cap keeps names usable as DNS labels and file names.
 */
public record MachineName(String value) {

    public static final Pattern RULE = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9\\-.]*$");
    public static final int MAX_LENGTH = 63;

    public MachineName {
        if (value == null || value.isEmpty()) {
            throw new InvalidMachineNameException("Machine name must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidMachineNameException(
                    "Machine name must be at most " + MAX_LENGTH + " characters; got " + value.length());
        }
        if (!RULE.matcher(value).matches()) {
            throw new InvalidMachineNameException("Invalid machine name. Machine name must match " + RULE.pattern()
                    + " (got '" + value + "')");
        }
    }

    @JsonCreator
    public static MachineName of(String value) {
        return new MachineName(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
