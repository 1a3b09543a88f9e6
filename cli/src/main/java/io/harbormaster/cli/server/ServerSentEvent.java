package io.harbormaster.cli.server;

import java.util.Optional;

/** One message of a {@code text/event-stream}: its id, event name and data (several data lines joined by newlines). */
public record ServerSentEvent(String id, String event, String data) {

    /** Collects the field lines of one message; comment lines (heartbeats) start with ':' and are skipped. */
    static final class Builder {

        private String id;
        private String event;
        private StringBuilder data;

        void line(String line) {
            if (line.startsWith(":")) {
                return;
            }
            int colon = line.indexOf(':');
            var field = colon < 0 ? line : line.substring(0, colon);
            var value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value;
                case "event" -> event = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> {
                    // retry and unknown fields: nothing hm needs
                }
            }
        }

        Optional<ServerSentEvent> build() {
            if (data == null && event == null) {
                return Optional.empty();
            }
            return Optional.of(new ServerSentEvent(id, event == null ? "message" : event,
                    data == null ? "" : data.toString()));
        }
    }
}
