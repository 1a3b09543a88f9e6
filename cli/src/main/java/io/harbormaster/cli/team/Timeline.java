package io.harbormaster.cli.team;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How audit entries and other times read in a table: ISO-8601 UTC to the second, the same on every workstation. */
public final class Timeline {

    private Timeline() {
    }

    /** {@code 2026-01-31T12:00:00Z}; empty for none. */
    public static String when(Instant time) {
        return time == null ? "" : DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    static String who(Wire.AuditEntry entry) {
        return first(entry.actorName(), entry.actorId(), "-");
    }

    static String via(Wire.AuditEntry entry) {
        return first(entry.channel(), "-");
    }

    static String what(Wire.AuditEntry entry) {
        return first(entry.summary(), entry.action(), "");
    }

    private static String first(String... values) {
        for (var value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}
