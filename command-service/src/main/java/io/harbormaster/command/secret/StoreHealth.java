package io.harbormaster.command.secret;

import java.util.Objects;

/**
 * What a store reports about itself: its kind ({@code vault}, {@code sealed-database}), whether it answered, whether
 * it is sealed, and a description for operators (address, mount, key file, reason) that never holds a secret.
 */
public record StoreHealth(String kind, boolean reachable, boolean sealed, String description) {

    public StoreHealth {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    /** Secrets can be read and written now. */
    public boolean usable() {
        return reachable && !sealed;
    }
}
