package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import io.harbormaster.cli.server.ServerSentEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A machine's live history, {@code GET /api/machines/{id}/events?after=CURSOR}: server-sent events whose {@code id}
 * is a cursor, whose {@code event} is the action (MachineStarted, ProvisioningStepCompleted…) and whose data is the
 * history entry ({@code action}, {@code summary}, {@code correlationId}, {@code occurredAt}…) with the machine's
 * {@code state} after it.
 *
 * <p>Verbs read it from the start, {@code after=0}: whatever happened between the server accepting the command and
 * hm connecting is in the replay, so nothing is missed, and the caller decides which entries are about its command
 * (see {@link Operation}). A machine's history is short (tens to hundreds of entries), so the replay is cheap. When
 * the stream breaks off it is opened again after the last cursor seen; after {@value #RECONNECTS} breaks in a row
 * without a single new entry hm gives up with a message.
 */
final class MachineEvents {

    static final int RECONNECTS = 3;

    private MachineEvents() {
    }

    /** One history entry as the stream delivers it. */
    record Entry(String cursor, String action, String summary, String correlationId, Instant occurredAt,
                 String state) {

        boolean is(String... actions) {
            for (var wanted : actions) {
                if (wanted.equals(action)) {
                    return true;
                }
            }
            return false;
        }
    }

    static String path(String machineId) {
        return "/api/machines/" + HarbormasterClient.segment(machineId) + "/events";
    }

    /**
     * Reads the machine's entries from the beginning until {@code decide} answers a result, and answers it.
     * {@code description} names what is awaited, for the message when the stream cannot be read to the end.
     */
    static <T> T follow(HarbormasterClient client, String machineId, String description,
                        Function<Entry, Optional<T>> decide) {
        var result = new AtomicReference<T>();
        var cursor = "0";
        int fruitless = 0;
        while (true) {
            var seen = new AtomicReference<String>();
            var before = cursor;
            try {
                client.stream(path(machineId), HarbormasterClient.query("after", cursor), null, event -> {
                    var entry = parse(client, event);
                    if (entry.isEmpty()) {
                        return true;
                    }
                    if (entry.get().cursor() != null) {
                        seen.set(entry.get().cursor());
                    }
                    var decided = decide.apply(entry.get());
                    decided.ifPresent(result::set);
                    return decided.isEmpty();
                });
            } catch (ServerRefusal refusal) {
                if (refusal.status() == 404) {
                    // histories outlive their machines, so a 404 here means a server without the stream
                    throw new HmException("Harbormaster at " + client.server() + " accepted it but has no event "
                            + "stream to follow it (" + refusal.getMessage() + "); run again with --no-wait and "
                            + "check with hm status.");
                }
                throw refusal;
            } catch (HmException failure) {
                // the client's words for a stream cut mid-way; anything else is not about the stream
                if (!failure.getMessage().startsWith("The event stream")) {
                    throw failure;
                }
            }
            if (result.get() != null) {
                return result.get();
            }
            if (seen.get() != null) {
                cursor = seen.get();
            }
            fruitless = cursor.equals(before) ? fruitless + 1 : 0;
            if (fruitless >= RECONNECTS) {
                throw new HmException("The event stream from " + client.server() + " ended before " + description
                        + "; the server goes on with it: see hm status, or hm history.");
            }
            pause(fruitless);
        }
    }

    static Optional<Entry> parse(HarbormasterClient client, ServerSentEvent event) {
        if (event.data() == null || event.data().isBlank()) {
            return Optional.empty();
        }
        JsonNode data;
        try {
            data = client.json().readTree(event.data());
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (!data.isObject()) {
            return Optional.empty();
        }
        var action = text(data, "action").orElse(event.event());
        return Optional.of(new Entry(event.id(), action, text(data, "summary").orElse(""),
                text(data, "correlationId").orElse(null), instant(data), text(data, "state").orElse(null)));
    }

    private static Optional<String> text(JsonNode data, String field) {
        var value = data.path(field);
        return value.isString() && !value.stringValue().isBlank() ? Optional.of(value.stringValue())
                : Optional.empty();
    }

    private static Instant instant(JsonNode data) {
        try {
            return text(data, "occurredAt").map(Instant::parse).orElse(null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(250L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HmException("Interrupted", 130);
        }
    }
}
