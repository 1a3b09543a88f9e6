package io.harbormaster.command.web;

import io.harbormaster.command.refusal.InvalidCommandException;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Turns raw request values into typed command values; a bad value is a 400 naming the request field. */
public final class ApiInputs {

    private ApiInputs() {
    }

    /** The typed value {@code parse} makes, or an {@link InvalidCommandException} for {@code field} with its message. */
    public static <T> T field(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException(field, field + ": " + e.getMessage());
        }
    }

    /** The constant of {@code type} named {@code raw}, ignoring case. */
    public static <E extends Enum<E>> E oneOf(String field, String raw, Class<E> type) {
        var value = raw == null ? "" : raw.strip();
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new InvalidCommandException(field, field + " must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                        + "; got '" + shorten(value) + "'"));
    }

    /**
     * The version an {@code If-Match} header asks for, or null without the header. The header carries the ETag the
     * query side sent with the machine: its version in quotes, like {@code "3"}.
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        var tag = ifMatch.strip();
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        tag = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
        try {
            var version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // refused below with a message that shows the expected form
        }
        throw new InvalidCommandException("If-Match", "If-Match must be the version from the ETag, like \"3\"; got '"
                + shorten(ifMatch) + "'");
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
