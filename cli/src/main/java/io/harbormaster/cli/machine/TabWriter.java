package io.harbormaster.cli.machine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aligns tab-separated cells into columns like Go's {@code text/tabwriter} with the settings docker-machine uses
 * for {@code ls} (minimum width 5, padding 3, spaces): a cell followed by a tab is padded to its column's width; the
 * text after a line's last tab is not. Unlike Go, trailing spaces are trimmed, so empty last columns leave none.
 */
final class TabWriter {

    private static final int MIN_WIDTH = 5;
    private static final int PADDING = 3;

    private TabWriter() {
    }

    static String align(String text) {
        var lines = text.split("\n", -1);
        var cells = Arrays.stream(lines).map(line -> line.split("\t", -1)).toList();
        var widths = new ArrayList<Integer>();
        for (var row : cells) {
            for (int column = 0; column < row.length - 1; column++) {
                int width = Math.max(MIN_WIDTH, row[column].length() + PADDING);
                if (widths.size() <= column) {
                    widths.add(width);
                } else {
                    widths.set(column, Math.max(widths.get(column), width));
                }
            }
        }
        var out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            out.append(alignRow(cells.get(i), widths).stripTrailing());
            if (i < cells.size() - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String alignRow(String[] row, List<Integer> widths) {
        var line = new StringBuilder();
        for (int column = 0; column < row.length; column++) {
            line.append(row[column]);
            if (column < row.length - 1) {
                line.append(" ".repeat(widths.get(column) - row[column].length()));
            }
        }
        return line.toString();
    }
}
