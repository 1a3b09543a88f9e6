package io.harbormaster.api.common;

import java.util.Collection;

/**
 * What a JSON value must be to fill a Java type, in the words of JSON rather than Java, for the refusal of a request
 * whose JSON has a value of the wrong kind. Shared by the command side's and the security module's problem answers,
 * so every endpoint says it the same way.
 */
public final class JsonTypeWords {

    private JsonTypeWords() {
    }

    /** E.g. "must be a whole number (not in quotes)" for an {@code int}. */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "has a value of the wrong type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number (not in quotes)";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number (not in quotes)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a JSON array";
        }
        return "must be a JSON object";
    }
}
