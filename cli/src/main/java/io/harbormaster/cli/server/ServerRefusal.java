package io.harbormaster.cli.server;

import io.harbormaster.cli.HmException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The server said no: its HTTP status and problem document (RFC 9457), with the problem's own words as the message,
 * so a verb can react to one kind of refusal (say, a 404 or an ambiguous name) and let the rest reach the user.
 */
public final class ServerRefusal extends HmException {

    private final int status;
    private final JsonNode problem;

    ServerRefusal(String message, int status, JsonNode problem) {
        super(message);
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem's {@code type}, e.g. {@code ambiguous-machine-name}; empty without one. */
    public String problemType() {
        if (problem == null || !problem.path("type").isString()) {
            return "";
        }
        var type = problem.path("type").stringValue();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /** The whole problem document, when the server sent one. */
    public Optional<JsonNode> problem() {
        return Optional.ofNullable(problem);
    }
}
