package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.HarbormasterClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends one machine command ({@code POST /api/machines}, {@code POST /api/machines/{id}/start},
 * {@code DELETE /api/machines/{id}}…) and keeps what is needed to follow it: the machine's id and the request's
 * correlation id, which the server echoes in {@code X-Correlation-Id} and records on every event the command causes
 * (the request event, the driver's outcome, provisioning steps). A refusal keeps its HTTP status, since
 * {@code create} exits 3 for a refused request and 1 otherwise.
 *
 * <p>Goes through {@link HarbormasterClient#exchange} because that is where the response headers are; a refusal's
 * message is the client's own ({@link HarbormasterClient#refusal}).
 */
final class MachineCommands {

    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private MachineCommands() {
    }

    /** An accepted command: the machine it is about and the correlation id its events carry (null if not echoed). */
    record Accepted(String machineId, String correlationId) {
    }

    /** The server refused the command; nothing happened. */
    static final class Refused extends HmException {

        private final int status;

        Refused(String message, int status) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    static Accepted send(HarbormasterClient client, String method, String path, Map<String, String> query,
                         Object body) {
        var response = client.exchange(method, path, query, body);
        if (response.statusCode() / 100 != 2) {
            throw refusal(client, response);
        }
        var correlation = response.headers().firstValue(CORRELATION_HEADER).filter(id -> !id.isBlank())
                .orElse(null);
        var machineId = tree(client, response.body())
                .map(answer -> answer.path("machineId"))
                .filter(JsonNode::isString)
                .map(JsonNode::stringValue)
                .orElse(null);
        return new Accepted(machineId, correlation);
    }

    private static Refused refusal(HarbormasterClient client, HttpResponse<String> response) {
        var refusal = client.refusal(response);
        return new Refused(refusal.getMessage(), refusal.status());
    }

    private static Optional<JsonNode> tree(HarbormasterClient client, String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            var tree = client.json().readTree(body);
            return tree.isObject() ? Optional.of(tree) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
