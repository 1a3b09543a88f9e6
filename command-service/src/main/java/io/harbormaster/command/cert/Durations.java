package io.harbormaster.command.cert;

import java.time.Duration;

/** Durations as people write them in messages: "7 days", "1 hour", "90 minutes". */
final class Durations {

    private Durations() {
    }

    static String describe(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return duration.isZero() ? "0 seconds" : "a negative duration (" + duration + ")";
        }
        if (duration.toSeconds() % 86_400 == 0 && duration.getNano() == 0) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toSeconds() % 3_600 == 0 && duration.getNano() == 0) {
            return plural(duration.toHours(), "hour");
        }
        if (duration.toSeconds() % 60 == 0 && duration.getNano() == 0) {
            return plural(duration.toMinutes(), "minute");
        }
        return plural(duration.toSeconds(), "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
