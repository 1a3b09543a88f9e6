package io.harbormaster.cli.team;

import io.harbormaster.cli.HmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A point in time as a person types it for {@code --since}/{@code --until}: a time ago ({@code 90s}, {@code 30m},
 * {@code 24h}, {@code 7d}, {@code 2w}), an ISO-8601 instant or date-time with offset ({@code 2026-01-31T12:00:00Z},
 * {@code 2026-01-31T13:00+01:00}), or a date or date-time without one, taken as UTC like every time hm prints
 * ({@code 2026-01-31}, {@code 2026-01-31T12:00}).
 */
public final class TimeBound {

    private static final Pattern AGO = Pattern.compile("(\\d{1,9})([smhdw])");

    private TimeBound() {
    }

    public static Instant parse(String option, String text, Instant now) {
        var value = text.strip();
        var ago = AGO.matcher(value.toLowerCase(Locale.ROOT));
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            var duration = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(amount * 7);
            };
            return now.minus(duration);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // try the forms without an offset
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDateTime) {
            // try a date
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
            throw new HmException(option + ": '" + Table.printable(value) + "' is not a time hm knows; use a time "
                    + "ago such as 24h or 7d (s, m, h, d, w), a date such as 2026-01-31, or a date and time such as "
                    + "2026-01-31T12:00:00Z (UTC unless it names an offset).");
        }
    }
}
