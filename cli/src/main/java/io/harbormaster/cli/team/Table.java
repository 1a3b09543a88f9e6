package io.harbormaster.cli.team;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as docker-machine prints one: a header row and one row per item, each column padded to its widest cell
 * plus three spaces (at least five wide), like Go's {@code text/tabwriter} with docker-machine's settings; the last
 * column is not padded and no line ends in spaces.
 *
 * <p>Cells come from other people (machine, token and display names, audit summaries), so control characters,
 * terminal escape sequences included, are shown as {@code ?} and cannot break a row or drive the terminal.
 */
public final class Table {

    private static final int MIN_WIDTH = 5;
    private static final int PADDING = 3;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** Adds a row; null cells print empty, missing trailing cells too. */
    public Table row(String... cells) {
        var row = new ArrayList<String>(headers.size());
        for (int column = 0; column < headers.size(); column++) {
            row.add(column < cells.length ? printable(cells[column]) : "");
        }
        rows.add(row);
        return this;
    }

    /** The aligned table, header first, every line ending in a newline. */
    public String render() {
        var all = new ArrayList<List<String>>();
        all.add(headers);
        all.addAll(rows);
        var widths = new int[headers.size()];
        for (var row : all) {
            for (int column = 0; column < row.size() - 1; column++) {
                widths[column] = Math.max(widths[column], Math.max(MIN_WIDTH, row.get(column).length() + PADDING));
            }
        }
        var out = new StringBuilder();
        for (var row : all) {
            var line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                var cell = row.get(column);
                line.append(cell);
                if (column < row.size() - 1) {
                    line.append(" ".repeat(widths[column] - cell.length()));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The text with every control character (tabs, line breaks, ESC) as {@code ?}; null as empty. */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
