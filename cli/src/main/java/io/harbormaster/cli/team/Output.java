package io.harbormaster.cli.team;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.config.Json;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the team's verbs print: a table for people, JSON (and for the audit log CSV) for programs. */
public final class Output {

    /** A {@code --format} value. */
    public enum Format {
        TABLE, JSON, CSV;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** For {@code --format}'s help. */
    public static final String TABLE_OR_JSON = "table (default) or json (a JSON array)";

    private Output() {
    }

    /** The format {@code raw} names among {@code allowed}, ignoring case; anything else says what is allowed. */
    public static Format format(String raw, Format... allowed) {
        var wanted = raw == null ? "" : raw.strip();
        return Arrays.stream(allowed)
                .filter(format -> format.word().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new HmException("Unknown format '" + Table.printable(wanted) + "': use "
                        + Arrays.stream(allowed).map(Format::word).collect(Collectors.joining(", ")) + "."));
    }

    /** {@code value} as indented JSON, then a newline. */
    public static void json(PrintWriter out, Object value) {
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        out.flush();
    }

    /** Prints a table's text as it is (it ends in a newline). */
    public static void table(PrintWriter out, Table table) {
        out.print(table.render());
        out.flush();
    }
}
