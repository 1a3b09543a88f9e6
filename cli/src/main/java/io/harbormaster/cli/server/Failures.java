package io.harbormaster.cli.server;

import io.harbormaster.cli.HmException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns what went wrong on the way to the server, or in its answer, into one line a person can act on. */
final class Failures {

    private Failures() {
    }

    static HmException unreachable(ServerAddress server, IOException e) {
        return new HmException("Cannot reach Harbormaster at " + server + ": " + reason(e)
                + ". Is the server running and the URL right (hm login URL, or HM_URL)?");
    }

    static ServerRefusal fromResponse(int status, String body, JsonMapper json, Credential credential,
                                      ServerAddress server) {
        var problem = problem(body, json);
        if (status == 401) {
            return new ServerRefusal(credential.refusal(server), status, problem);
        }
        return new ServerRefusal(problemText(problem)
                .orElse("Harbormaster at " + server + " answered HTTP " + status + " without an explanation"),
                status, problem);
    }

    private static JsonNode problem(String body, JsonMapper json) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            var tree = json.readTree(body);
            return tree.isObject() ? tree : null;
        } catch (JacksonException e) {
            // Not JSON (a proxy's HTML page, say): fall back to the status line.
            return null;
        }
    }

    /** The {@code detail} (else the {@code title}) of an RFC 9457 problem document, with field errors after it. */
    private static java.util.Optional<String> problemText(JsonNode problem) {
        if (problem == null) {
            return java.util.Optional.empty();
        }
        for (var field : new String[] {"detail", "title"}) {
            var value = problem.path(field);
            if (value.isString() && !value.stringValue().isBlank()) {
                return java.util.Optional.of(value.stringValue().strip());
            }
        }
        return java.util.Optional.empty();
    }

    /** The JDK's HTTP client often throws without a message of its own; name the cause in plain words. */
    private static String reason(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        // A ConnectException without a message is what the JDK client throws when nothing listens on the port.
        return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }
}
