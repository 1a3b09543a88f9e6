package io.harbormaster.query.web;

import io.harbormaster.api.common.Channel;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Parses raw request parameters into api types. Each failure names the parameter, so a 400 tells the caller exactly
 * what to fix; a blank optional parameter means "not given", as browsers and shells send {@code ?state=} freely.
 */
public final class Params {

    private Params() {
    }

    public static MachineId machineId(String parameter, String raw) {
        return id(parameter, raw, MachineId::of);
    }

    public static TeamId teamId(String parameter, String raw) {
        return id(parameter, raw, TeamId::of);
    }

    public static UserId userId(String parameter, String raw) {
        return id(parameter, raw, UserId::of);
    }

    public static PageRequest page(int page, int size) {
        if (page < 0) {
            throw new BadParameterException("page", "page must be 0 or more; got " + page);
        }
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw new BadParameterException("size",
                    "size must be between 1 and " + PageRequest.MAX_SIZE + "; got " + size);
        }
        return new PageRequest(page, size);
    }

    /** An enum constant by name, ignoring case; null when the parameter is absent. */
    public static <E extends Enum<E>> E oneOf(String parameter, String raw, Class<E> type) {
        if (isBlank(raw)) {
            return null;
        }
        var wanted = raw.strip();
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new BadParameterException(parameter,
                        parameter + " must be one of " + names(type) + "; got '" + wanted + "'", names(type)));
    }

    public static Channel channel(String parameter, String raw) {
        if (isBlank(raw)) {
            return null;
        }
        var allowed = Arrays.stream(Channel.values()).map(Channel::wireName).toList();
        try {
            return Channel.fromWireName(raw);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(parameter,
                    parameter + " must be one of " + allowed + "; got '" + raw.strip() + "'", allowed);
        }
    }

    /** An ISO-8601 instant such as {@code 2026-01-31T12:00:00Z}; null when absent. */
    public static Instant instant(String parameter, String raw) {
        if (isBlank(raw)) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter, parameter
                    + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z; got '" + raw.strip() + "'");
        }
    }

    public static String optional(String raw) {
        return isBlank(raw) ? null : raw.strip();
    }

    private static <T> T id(String parameter, String raw, Function<String, T> parse) {
        try {
            return parse.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(parameter, e.getMessage());
        }
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    private static boolean isBlank(String raw) {
        return raw == null || raw.isBlank();
    }
}
