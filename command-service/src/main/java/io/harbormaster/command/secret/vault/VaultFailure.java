package io.harbormaster.command.secret.vault;

import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.rest.RestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One failed Vault call, reduced to what decides the next step: the HTTP status (0 when no answer came), Vault's
 * {@code errors} texts, and for a missing answer the I/O failure. The driver's own exception is not kept: its message
 * carries the whole response body, and ours must carry nothing but the error texts.
 */
final class VaultFailure extends Exception {

    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(412, 429, 500, 502, 503, 504);
    private static final int MAX_ERROR_TEXT = 300;

    private final int status;
    private final List<String> errors;

    private VaultFailure(int status, List<String> errors, Throwable ioFailure) {
        super("Vault answered " + status + " " + errors, ioFailure, false, false);
        this.status = status;
        this.errors = errors;
    }

    /** A response whose status the operation did not expect. */
    static VaultFailure of(RestResponse response) {
        return new VaultFailure(response.getStatus(), errors(new String(response.getBody(), StandardCharsets.UTF_8)),
                null);
    }

    /** The driver gave up on a call: no answer (status 0), or an answer it would not accept (body in its message). */
    static VaultFailure of(VaultException e) {
        var io = ioFailure(e);
        var message = e.getMessage() == null ? "" : e.getMessage();
        var bodyAt = message.indexOf("Response body: ");
        var errors = bodyAt < 0 ? List.<String>of() : errors(message.substring(bodyAt + "Response body: ".length()));
        return new VaultFailure(e.getHttpStatusCode(), errors, io);
    }

    int status() {
        return status;
    }

    /** No answer at all: connection refused, reset, timed out. */
    boolean noAnswer() {
        return status == 0 && getCause() != null;
    }

    /** Worth another try after a pause: no answer, a server error, a standby or a request Vault asks to repeat. */
    boolean isTransient() {
        return noAnswer() || TRANSIENT_STATUSES.contains(status);
    }

    /** Vault said it is sealed (503 with "Vault is sealed"). */
    boolean saysSealed() {
        return status == 503 && errors.stream().anyMatch(text -> text.toLowerCase().contains("sealed"));
    }

    /** Vault has nothing mounted at the path (404 "no handler for route"), as opposed to a missing secret. */
    boolean noHandler() {
        return status == 404 && errors.stream().anyMatch(text -> text.contains("no handler for route"));
    }

    /** What went wrong in words, for messages: the status and Vault's error texts, or the I/O failure. */
    String reason() {
        if (status == 0) {
            var cause = getCause();
            return cause == null ? "no usable answer" : describe(cause);
        }
        return errors.isEmpty() ? String.valueOf(status) : status + ": " + String.join("; ", errors);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof java.net.ConnectException && failure.getMessage() == null) {
            return "connection refused";
        }
        var text = failure.getClass().getSimpleName()
                .replaceAll("Exception$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase();
        var message = failure.getMessage();
        return message == null || message.isBlank() ? text : text + ": " + clip(message);
    }

    private static IOException ioFailure(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static List<String> errors(String body) {
        try {
            var value = Json.parse(body).asObject().get("errors");
            if (value == null || !value.isArray()) {
                return List.of();
            }
            var texts = new ArrayList<String>();
            for (var error : value.asArray()) {
                texts.add(clip(error.isString() ? error.asString() : error.toString()).strip());
            }
            return List.copyOf(texts);
        } catch (RuntimeException notJson) {
            return List.of();
        }
    }

    private static String clip(String text) {
        var flat = text.replaceAll("\\s+", " ");
        return flat.length() <= MAX_ERROR_TEXT ? flat : flat.substring(0, MAX_ERROR_TEXT) + "…";
    }
}
