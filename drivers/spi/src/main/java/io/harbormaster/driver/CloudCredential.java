package io.harbormaster.driver;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A team's named cloud credential, such as {@code aws}: its secret fields, like {@code access-key-id} and
 * {@code secret-access-key}. The fields are an unmodifiable copy; {@link #toString()} names the keys only, so logging a
 * credential never prints a value.
 */
public record CloudCredential(String name, Map<String, String> fields) {

    public CloudCredential {
        Objects.requireNonNull(name, "name");
        fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
    }

    /** The field {@code key}, or empty when the credential has none. */
    public Optional<String> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** The field {@code key}; throws a {@link DriverException} naming the key and the credential, never a value. */
    public String require(String key) {
        var value = fields.get(key);
        if (value == null) {
            throw new DriverException("The cloud credential '" + name + "' has no field '" + key + "' (it has "
                    + new TreeSet<>(fields.keySet()) + "). Store it again with that field.");
        }
        return value;
    }

    @Override
    public String toString() {
        return "CloudCredential[" + name + ", fields " + new TreeSet<>(fields.keySet()) + "]";
    }
}
