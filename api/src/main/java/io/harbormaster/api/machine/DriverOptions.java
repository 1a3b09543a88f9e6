package io.harbormaster.api.machine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.TreeMap;

/**
 * Driver settings given at creation, like docker-machine's {@code --<driver>-<option>} flags. Never secrets: drivers
 * refer to credentials by name, and the values live in the secret store. In JSON (API and event store alike) it is
 * the plain object of options, {@code {"url":"tcp://..."}}.
 */
public record DriverOptions(@JsonValue Map<String, String> values) {

    public static final int MAX_ENTRIES = 64;
    public static final int MAX_KEY_LENGTH = 64;
    public static final int MAX_VALUE_LENGTH = 2048;

    public DriverOptions {
        values = values == null ? Map.of() : Map.copyOf(new TreeMap<>(values));
        if (values.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " driver options are allowed");
        }
        values.forEach((key, value) -> {
            if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
                throw new IllegalArgumentException("driver option names must be 1 to " + MAX_KEY_LENGTH + " characters");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException(
                        "driver option '" + key + "' must be at most " + MAX_VALUE_LENGTH + " characters");
            }
        });
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DriverOptions of(Map<String, String> values) {
        return new DriverOptions(values);
    }

    public static DriverOptions none() {
        return new DriverOptions(Map.of());
    }

    public String get(String key) {
        return values.get(key);
    }
}
