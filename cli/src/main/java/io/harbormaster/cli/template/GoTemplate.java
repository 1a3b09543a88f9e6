package io.harbormaster.cli.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A parsed Go template, limited to what docker-machine's {@code --format} flags are used for:
 * <ul>
 *   <li>text, printed as it is;</li>
 *   <li>{@code {{.}}} and field chains {@code {{.Driver.IPAddress}}} into maps (a missing key or a null prints
 *       {@code <no value>}, as in Go);</li>
 *   <li>string literals, {@code {{"\t"}}} or {@code {{`raw`}}};</li>
 *   <li>the functions {@code json} and {@code prettyjson} (docker-machine's {@code inspect} helpers), called as
 *       {@code {{json .Driver}}} or at the end of a pipeline, {@code {{.Driver | json}}};</li>
 *   <li>trim markers <code>{{-&nbsp;</code> and <code>&nbsp;-}}</code>, and comments
 *       <code>{{/* ... *&#47;}}</code>.</li>
 * </ul>
 * Values print as Go's {@code fmt} prints them: maps as {@code map[k:v k2:v2]} with sorted keys, lists as
 * {@code [a b]}. Control structures, variables and other functions are refused when parsing, so a template never
 * half works.
 */
public final class GoTemplate {

    /** What a missing map key or a null evaluates to; prints as Go's {@code <no value>}. */
    private static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "<no value>";
        }
    };

    private static final Set<String> KEYWORDS = Set.of("if", "else", "end", "range", "with", "define", "template",
            "block", "break", "continue", "nil");
    private static final Set<String> FUNCTIONS = Set.of("json", "prettyjson");

    private sealed interface Node permits Text, Action {
    }

    private record Text(String text) implements Node {
    }

    /** One {@code {{...}}}: commands joined by pipes, each a function with arguments or a single operand. */
    private record Action(String source, List<Command> pipeline) implements Node {
    }

    private record Command(String function, List<Operand> arguments) {
    }

    private sealed interface Operand permits Field, Literal {
    }

    /** {@code .} (no names) or {@code .A.B}. */
    private record Field(List<String> names) implements Operand {

        String text() {
            return names.isEmpty() ? "." : "." + String.join(".", names);
        }
    }

    private record Literal(String value) implements Operand {
    }

    private final List<Node> nodes;

    private GoTemplate(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** Parses {@code source}; throws {@link TemplateException} naming the first action hm cannot run. */
    public static GoTemplate parse(String source) {
        var nodes = new ArrayList<Node>();
        int position = 0;
        boolean trimNextText = false;
        while (position < source.length()) {
            int open = source.indexOf("{{", position);
            var text = open < 0 ? source.substring(position) : source.substring(position, open);
            if (trimNextText) {
                text = text.stripLeading();
            }
            if (open < 0) {
                addText(nodes, text);
                break;
            }
            int close = closing(source, open + 2);
            var inside = source.substring(open + 2, close);
            var whole = source.substring(open, close + 2);
            // Go trims only with a space after "{{-" and before "-}}": "{{-3}}" is the number -3
            if (inside.startsWith("-") && inside.length() > 1 && Character.isWhitespace(inside.charAt(1))) {
                text = text.stripTrailing();
                inside = inside.substring(1);
            }
            trimNextText = false;
            if (inside.endsWith("-") && inside.length() > 1
                    && Character.isWhitespace(inside.charAt(inside.length() - 2))) {
                trimNextText = true;
                inside = inside.substring(0, inside.length() - 1);
            }
            addText(nodes, text);
            var action = inside.strip();
            if (!(action.startsWith("/*") && action.endsWith("*/"))) {
                nodes.add(new Action(whole, pipeline(action, whole)));
            }
            position = close + 2;
        }
        return new GoTemplate(nodes);
    }

    /**
     * The field chains the template reads, e.g. {@code [Name], [Driver, IPAddress]} (empty for {@code {{.}}}), so a
     * caller with a fixed set of fields can refuse a typo before doing any work.
     */
    public List<FieldUse> fields() {
        var fields = new ArrayList<FieldUse>();
        for (var node : nodes) {
            if (node instanceof Action action) {
                for (var command : action.pipeline()) {
                    for (var operand : command.arguments()) {
                        if (operand instanceof Field field) {
                            fields.add(new FieldUse(field.names(), action.source()));
                        }
                    }
                }
            }
        }
        return fields;
    }

    /** A field chain and the action it appears in, as written. */
    public record FieldUse(List<String> names, String action) {
    }

    /** Runs the template on {@code data} (maps, lists, strings, numbers, booleans, null). */
    public String execute(Object data) {
        var out = new StringBuilder();
        for (var node : nodes) {
            switch (node) {
                case Text text -> out.append(text.text());
                case Action action -> out.append(print(evaluate(action, data)));
            }
        }
        return out.toString();
    }

    private static void addText(List<Node> nodes, String text) {
        if (!text.isEmpty()) {
            nodes.add(new Text(text));
        }
    }

    /** The index of the {@code }}} that ends the action starting at {@code from}, skipping string literals. */
    private static int closing(String source, int from) {
        int i = from;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '`') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c) {
                    end += c == '"' && source.charAt(end) == '\\' ? 2 : 1;
                }
                i = end + 1;
                continue;
            }
            if (source.startsWith("}}", i)) {
                return i;
            }
            i++;
        }
        throw new TemplateException("unclosed action: " + shorten(source.substring(from - 2)) + " has no }}");
    }

    private static List<Command> pipeline(String action, String whole) {
        if (action.isEmpty()) {
            throw new TemplateException("empty action " + whole);
        }
        var tokens = tokens(action, whole);
        var commands = new ArrayList<Command>();
        var current = new ArrayList<Token>();
        for (var token : tokens) {
            if (token.kind() == Token.Kind.PIPE) {
                commands.add(command(current, whole, !commands.isEmpty()));
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        commands.add(command(current, whole, !commands.isEmpty()));
        return commands;
    }

    private static Command command(List<Token> tokens, String whole, boolean piped) {
        if (tokens.isEmpty()) {
            throw new TemplateException("missing command in " + whole);
        }
        var first = tokens.getFirst();
        if (first.kind() == Token.Kind.IDENTIFIER) {
            var arguments = new ArrayList<Operand>();
            for (var token : tokens.subList(1, tokens.size())) {
                arguments.add(operand(token, whole));
            }
            int count = arguments.size() + (piped ? 1 : 0);
            if (count != 1) {
                throw new TemplateException(whole + ": " + first.text() + " takes one argument, got " + count);
            }
            return new Command(first.text(), arguments);
        }
        if (piped) {
            throw new TemplateException(whole + ": only a function (json, prettyjson) can follow a |");
        }
        if (tokens.size() > 1) {
            throw new TemplateException(unsupported(whole, "an operand followed by more"));
        }
        return new Command(null, List.of(operand(first, whole)));
    }

    private static Operand operand(Token token, String whole) {
        return switch (token.kind()) {
            case FIELD -> new Field(token.text().equals(".") ? List.of()
                    : List.of(token.text().substring(1).split("\\.", -1)));
            case STRING -> new Literal(token.text());
            case IDENTIFIER -> throw new TemplateException(whole + ": a function (" + token.text()
                    + ") can only come first in a command");
            case PIPE -> throw new TemplateException("unexpected | in " + whole);
        };
    }

    private record Token(Kind kind, String text) {
        enum Kind { FIELD, STRING, IDENTIFIER, PIPE }
    }

    private static List<Token> tokens(String action, String whole) {
        var tokens = new ArrayList<Token>();
        int i = 0;
        while (i < action.length()) {
            char c = action.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '|') {
                tokens.add(new Token(Token.Kind.PIPE, "|"));
                i++;
            } else if (c == '.') {
                int end = i + 1;
                while (end < action.length() && (isNameChar(action.charAt(end)) || action.charAt(end) == '.')) {
                    end++;
                }
                var text = action.substring(i, end);
                if (!text.equals(".") && (text.contains("..") || text.endsWith("."))) {
                    throw new TemplateException("bad field " + text + " in " + whole);
                }
                tokens.add(new Token(Token.Kind.FIELD, text));
                i = end;
            } else if (c == '"') {
                int end = i + 1;
                var value = new StringBuilder();
                while (end < action.length() && action.charAt(end) != '"') {
                    if (action.charAt(end) == '\\' && end + 1 < action.length()) {
                        end = unescape(action, end, value, whole);
                    } else {
                        value.append(action.charAt(end++));
                    }
                }
                if (end >= action.length()) {
                    throw new TemplateException("unterminated string in " + whole);
                }
                tokens.add(new Token(Token.Kind.STRING, value.toString()));
                i = end + 1;
            } else if (c == '`') {
                int end = action.indexOf('`', i + 1);
                if (end < 0) {
                    throw new TemplateException("unterminated raw string in " + whole);
                }
                tokens.add(new Token(Token.Kind.STRING, action.substring(i + 1, end)));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < action.length() && isNameChar(action.charAt(end))) {
                    end++;
                }
                var name = action.substring(i, end);
                if (KEYWORDS.contains(name)) {
                    throw new TemplateException(unsupported(whole, "'" + name + "'"));
                }
                if (!FUNCTIONS.contains(name)) {
                    throw new TemplateException(unsupported(whole, "the function '" + name + "'"));
                }
                tokens.add(new Token(Token.Kind.IDENTIFIER, name));
                i = end;
            } else {
                throw new TemplateException(unsupported(whole, "'" + c + "'"));
            }
        }
        return tokens;
    }

    /** Go's escapes in a double-quoted string; answers the index after the escape. */
    private static int unescape(String action, int backslash, StringBuilder value, String whole) {
        char next = action.charAt(backslash + 1);
        switch (next) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case 'a' -> value.append('\u0007');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'v' -> value.append('\u000b');
            case 'u', 'x' -> {
                int digits = next == 'u' ? 4 : 2;
                int end = backslash + 2 + digits;
                if (end > action.length()) {
                    throw new TemplateException("bad escape in " + whole);
                }
                try {
                    value.append((char) Integer.parseInt(action.substring(backslash + 2, end), 16));
                } catch (NumberFormatException e) {
                    throw new TemplateException("bad escape in " + whole);
                }
                return end;
            }
            default -> throw new TemplateException("unknown escape \\" + next + " in " + whole);
        }
        return backslash + 2;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String unsupported(String whole, String what) {
        return "hm does not know " + whole + ": hm's templates take fields like {{.Name}}, \"text\" and the "
                + "functions json and prettyjson, not " + what;
    }

    private Object evaluate(Action action, Object data) {
        Object value = null;
        boolean first = true;
        for (var command : action.pipeline()) {
            var arguments = new ArrayList<Object>();
            for (var operand : command.arguments()) {
                arguments.add(switch (operand) {
                    case Literal literal -> literal.value();
                    case Field field -> field(data, field, action.source());
                });
            }
            if (!first) {
                arguments.add(value);
            }
            value = command.function() == null ? arguments.getFirst() : call(command.function(), arguments.getFirst());
            first = false;
        }
        return value;
    }

    private static Object field(Object data, Field field, String source) {
        Object value = data;
        for (var name : field.names()) {
            if (value == null || value == NO_VALUE) {
                return NO_VALUE;
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new TemplateException("executing " + source + ": can't evaluate field " + name
                        + " in type " + goType(value));
            }
            value = map.containsKey(name) ? map.get(name) : NO_VALUE;
        }
        return value == null ? NO_VALUE : value;
    }

    private static Object call(String function, Object argument) {
        var value = argument == NO_VALUE ? null : argument;
        return switch (function) {
            case "json" -> GoJson.compact(value, true);
            case "prettyjson" -> GoJson.indented(value, "    ", true);
            default -> throw new IllegalStateException(function);
        };
    }

    private static String goType(Object value) {
        return switch (value) {
            case String s -> "string";
            case Boolean b -> "bool";
            case Number n -> "float64";
            case Collection<?> c -> "[]interface {}";
            default -> value.getClass().getSimpleName();
        };
    }

    /** Go's {@code fmt.Print} of a value read from JSON. */
    static String print(Object value) {
        if (value == NO_VALUE) {
            return "<no value>";
        }
        return printNested(value);
    }

    private static String printNested(Object value) {
        return switch (value) {
            case null -> "<nil>";
            case String text -> text;
            case Number number -> GoJson.number(number);
            case Map<?, ?> map -> {
                var sorted = new TreeMap<String, Object>();
                map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
                var parts = new ArrayList<String>();
                sorted.forEach((k, v) -> parts.add(k + ":" + printNested(v)));
                yield "map[" + String.join(" ", parts) + "]";
            }
            case Collection<?> list -> "[" + String.join(" ", list.stream().map(GoTemplate::printNested).toList())
                    + "]";
            default -> value == NO_VALUE ? "<no value>" : value.toString();
        };
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
