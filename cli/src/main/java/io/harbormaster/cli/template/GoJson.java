package io.harbormaster.cli.template;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON the way Go's {@code encoding/json} writes it, so hm's {@code inspect} output and {@code json} template function
 * match docker-machine's byte for byte: {@code "key": value} with one space, nested levels indented by the given
 * string ({@code MarshalIndent(v, "", "    ")}), empty objects and arrays as {@code {}} and {@code []}, and
 * {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped as {@code \u003c} and so on (Go's HTML-safe default).
 *
 * <p>Values are maps with string keys, collections, strings, numbers, booleans and null. Maps keep their order unless
 * {@code sortKeys} is set: Go sorts the keys of a map (what {@code inspect -f '{{json .}}'} marshals), and keeps the
 * field order of a struct (what plain {@code inspect} marshals).
 */
public final class GoJson {

    private GoJson() {
    }

    /** {@code json.Marshal}: one line. */
    public static String compact(Object value, boolean sortKeys) {
        var out = new StringBuilder();
        write(out, value, null, "", sortKeys);
        return out.toString();
    }

    /** {@code json.MarshalIndent(value, "", indent)}. */
    public static String indented(Object value, String indent, boolean sortKeys) {
        var out = new StringBuilder();
        write(out, value, indent, "", sortKeys);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, String indent, String prefix, boolean sortKeys) {
        switch (value) {
            case null -> out.append("null");
            case String text -> string(out, text);
            case Boolean flag -> out.append(flag);
            case Number number -> out.append(number(number));
            case Map<?, ?> map -> object(out, map, indent, prefix, sortKeys);
            case Collection<?> list -> array(out, list, indent, prefix, sortKeys);
            case Object[] array -> array(out, java.util.Arrays.asList(array), indent, prefix, sortKeys);
            default -> string(out, value.toString());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, String indent, String prefix, boolean sortKeys) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        Map<?, ?> entries = sortKeys ? sorted(map) : map;
        var inner = indent == null ? "" : prefix + indent;
        out.append('{');
        boolean first = true;
        for (var entry : entries.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(out, indent, inner);
            string(out, String.valueOf(entry.getKey()));
            out.append(indent == null ? ":" : ": ");
            write(out, entry.getValue(), indent, inner, sortKeys);
        }
        newline(out, indent, prefix);
        out.append('}');
    }

    private static void array(StringBuilder out, Collection<?> list, String indent, String prefix, boolean sortKeys) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        var inner = indent == null ? "" : prefix + indent;
        out.append('[');
        boolean first = true;
        for (var element : list) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(out, indent, inner);
            write(out, element, indent, inner, sortKeys);
        }
        newline(out, indent, prefix);
        out.append(']');
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        var sorted = new TreeMap<String, Object>();
        map.forEach((key, value) -> sorted.put(String.valueOf(key), value));
        return sorted;
    }

    private static void newline(StringBuilder out, String indent, String prefix) {
        if (indent != null) {
            out.append('\n').append(prefix);
        }
    }

    /** Go prints a float64 without a fraction when it has none, as JSON numbers read into {@code interface{}} are. */
    static String number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e21) {
                return Long.toString((long) d);
            }
            if (Double.isFinite(d)) {
                var plain = BigDecimal.valueOf(d).stripTrailingZeros();
                return Math.abs(d) >= 1e-6 && Math.abs(d) < 1e21 ? plain.toPlainString()
                        : plain.toString().replace("E", "e");
            }
            return "null";
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return number.toString();
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
