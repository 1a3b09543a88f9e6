package io.harbormaster.driver.amazonec2;

import io.harbormaster.driver.DriverContext;
import io.harbormaster.driver.DriverException;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The operator's settings for this driver, {@code harbormaster.drivers.amazonec2.*}: where EC2 and STS are reached
 * (the regional endpoints unless overridden, as tests do for the stand-in), whether the platform's own AWS identity
 * may be used for machines that name no credential, the SDK's attempts and timeouts, and how the driver waits for
 * instances.
 */
record Ec2Settings(URI endpoint, URI stsEndpoint, boolean usePlatformIdentity, int maxAttempts,
                   Duration apiCallTimeout, Duration apiCallAttemptTimeout, Duration pollInterval,
                   Duration waitTimeout) {

    static Ec2Settings from(DriverContext context) {
        return new Ec2Settings(
                uri(context, "endpoint"),
                uri(context, "sts-endpoint"),
                context.setting("amazonec2.use-platform-identity").map(Boolean::parseBoolean).orElse(false),
                context.setting("amazonec2.max-attempts").map(Integer::parseInt).orElse(5),
                duration(context, "api-call-timeout", Duration.ofMinutes(2)),
                duration(context, "api-call-attempt-timeout", Duration.ofSeconds(30)),
                duration(context, "poll-interval", Duration.ofSeconds(2)),
                duration(context, "wait-timeout", Duration.ofMinutes(10)));
    }

    private static URI uri(DriverContext context, String key) {
        return context.setting("amazonec2." + key).map(value -> {
            try {
                var uri = URI.create(value);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("no scheme or host");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new DriverException("The platform setting harbormaster.drivers.amazonec2." + key + " is not a "
                        + "URL such as https://ec2.eu-west-1.amazonaws.com.");
            }
        }).orElse(null);
    }

    /** {@code 30s}, {@code 2m} or ISO-8601 ({@code PT30S}), as Spring's durations are written. */
    private static Duration duration(DriverContext context, String key, Duration fallback) {
        return context.setting("amazonec2." + key).map(value -> {
            try {
                var text = value.strip().toLowerCase(java.util.Locale.ROOT);
                if (text.startsWith("p")) {
                    return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
                }
                if (text.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                }
                var amount = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> throw new NumberFormatException();
                };
            } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new DriverException("The platform setting harbormaster.drivers.amazonec2." + key + " is not a "
                        + "duration such as 30s, 500ms or 2m.");
            }
        }).orElse(fallback);
    }
}
