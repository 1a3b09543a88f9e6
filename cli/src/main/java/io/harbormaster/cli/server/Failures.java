package io.harbormaster.cli.server;

import io.harbormaster.cli.HmException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Turns what went wrong on the way to the server, or in its answer, into one line a person can act on. */
final class Failures {

    private Failures() {
    }

    static HmException unreachable(ServerAddress server, IOException e) {
        return new HmException("Cannot reach Harbormaster at " + server + ": " + reason(e)
                + ". Is the server running? Set HM_SERVER.");
    }

    static HmException fromResponse(int status, String body, JsonMapper json) {
        if (status == 401) {
            return new HmException("Not signed in: set HM_USER and HM_PASSWORD");
        }
        return new HmException(problemDetail(body, json)
                .orElse("Harbormaster answered HTTP " + status + " and no explanation"));
    }

    /** The {@code detail} (else the {@code title}) of an RFC 9457 problem document. */
    private static Optional<String> problemDetail(String body, JsonMapper json) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            var problem = json.readTree(body);
            for (var field : new String[] {"detail", "title"}) {
                var value = problem.path(field);
                if (value.isString() && !value.stringValue().isBlank()) {
                    return Optional.of(value.stringValue());
                }
            }
        } catch (JacksonException e) {
            // Not JSON (a proxy's HTML page, say): fall back to the status line.
        }
        return Optional.empty();
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
