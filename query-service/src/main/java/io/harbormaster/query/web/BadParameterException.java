package io.harbormaster.query.web;

import java.util.List;

/** A request parameter was missing its mark; answered as 400 naming the parameter and, where finite, its values. */
public class BadParameterException extends RuntimeException {

    private final String parameter;
    private final List<String> allowed;

    public BadParameterException(String parameter, String message) {
        this(parameter, message, List.of());
    }

    public BadParameterException(String parameter, String message, List<String> allowed) {
        super(message);
        this.parameter = parameter;
        this.allowed = List.copyOf(allowed);
    }

    public String parameter() {
        return parameter;
    }

    /** The values the parameter accepts, or empty when they are not a short list. */
    public List<String> allowed() {
        return allowed;
    }
}
