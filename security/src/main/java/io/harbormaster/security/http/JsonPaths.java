package io.harbormaster.security.http;

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

}
