package io.harbormaster.security.http;

import java.util.Collection;
import tools.jackson.core.JacksonException;

/** Where in a JSON body the parser stopped, and what it wanted there, in the words of JSON. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(JacksonException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String expected(Class<?> type) {
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
