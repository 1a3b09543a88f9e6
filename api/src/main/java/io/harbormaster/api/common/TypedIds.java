package io.harbormaster.api.common;

import java.util.UUID;

/** Shared validation for the typed ids, so every id type refuses the same malformed input with the same message. */
public final class TypedIds {

    private TypedIds() {
    }

    /**
     * Returns the canonical lower-case form of a UUID string.
     *
     * @throws InvalidIdException when the value is null, blank or not a UUID
     */
    public static String requireUuid(String kind, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidIdException(kind + " id must not be empty");
        }
        try {
            var parsed = UUID.fromString(value.strip());
            var canonical = parsed.toString();
            if (!canonical.equalsIgnoreCase(value.strip())) {
                throw new InvalidIdException(kind + " id '" + abbreviate(value) + "' is not a UUID");
            }
            return canonical;
        } catch (IllegalArgumentException e) {
            throw new InvalidIdException(kind + " id '" + abbreviate(value) + "' is not a UUID");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
