package io.harbormaster.command.secret;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One version of a secret: its key/value pairs, the version number and when that version was written. The data is an
 * unmodifiable copy; {@link #toString()} names the keys only, so logging a secret never prints a value.
 */
public record Secret(Map<String, String> data, SecretVersion version, Instant createdTime) {

    public Secret {
        data = Map.copyOf(Objects.requireNonNull(data, "data"));
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdTime, "createdTime");
    }

    /** The value under {@code key}; throws when it is absent, naming the key but no value. */
    public String value(String key) {
        var value = data.get(key);
        if (value == null) {
            throw new IllegalStateException("secret " + version + " has no key '" + key + "' (keys: "
                    + new TreeSet<>(data.keySet()) + ")");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Secret[" + version + ", created " + createdTime + ", keys " + new TreeSet<>(data.keySet()) + "]";
    }
}
