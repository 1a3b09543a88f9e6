package io.harbormaster.cli.machine;

import io.harbormaster.api.machine.MachineSummary;
import io.harbormaster.cli.HmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Go templates that docker-machine users put in {@code ls --format}: {@code {{.Field}}}
 * placeholders, {@code \t} and {@code \n}, and a leading {@code table} that adds a header row. Anything else in
 * braces is refused rather than printed wrongly.
 */
final class LsFormat {

    static final String DEFAULT = "table {{.Name}}\\t{{.Active}}\\t{{.DriverName}}\\t{{.State}}\\t{{.URL}}"
            + "\\t{{.SwarmOptions}}\\t{{.DockerVersion}}\\t{{.Error}}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}");

    private record Field(String header, Function<MachineSummary, String> value) {
    }

    // Fields docker-machine's ls offers; those the server does not know yet print empty, as docker-machine does
    // for a machine it cannot ask. ACTIVE is "-" until hm tracks the active machine.
    private static final Map<String, Field> FIELDS = fields();

    private final String template;
    private final boolean table;

    private LsFormat(String template, boolean table) {
        this.template = template;
        this.table = table;
    }

    static LsFormat parse(String format) {
        var text = format;
        boolean table = false;
        if (text.startsWith("table")) {
            table = true;
            text = text.substring("table".length());
        }
        text = text.strip().replace("\\t", "\t").replace("\\n", "\n");
        var matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            field(matcher.group(1));
        }
        return new LsFormat(text, table);
    }

    /** The machines rendered one per template, aligned at tabs, with a header row for {@code table}. */
    String render(List<MachineSummary> machines) {
        var lines = new ArrayList<String>();
        if (table) {
            lines.add(fill(field -> field.header()));
        }
        for (var machine : machines) {
            lines.add(fill(field -> nullToEmpty(field.value().apply(machine))));
        }
        return lines.isEmpty() ? "" : TabWriter.align(String.join("\n", lines));
    }

    private String fill(Function<Field, String> value) {
        return PLACEHOLDER.matcher(template)
                .replaceAll(match -> Matcher.quoteReplacement(value.apply(field(match.group(1)))));
    }

    private static Field field(String expression) {
        var field = expression.startsWith(".") ? FIELDS.get(expression.substring(1)) : null;
        if (field == null) {
            throw new HmException("--format: hm does not know {{" + expression + "}}; use "
                    + String.join(", ", FIELDS.keySet().stream().map(name -> "{{." + name + "}}").toList()));
        }
        return field;
    }

    private static Map<String, Field> fields() {
        var fields = new LinkedHashMap<String, Field>();
        fields.put("Name", new Field("NAME", MachineSummary::name));
        fields.put("Active", new Field("ACTIVE", m -> "-"));
        fields.put("ActiveHost", new Field("ACTIVE", m -> "false"));
        fields.put("ActiveSwarm", new Field("ACTIVE_SWARM", m -> "false"));
        fields.put("DriverName", new Field("DRIVER", MachineSummary::driver));
        fields.put("State", new Field("STATE", m -> m.state() == null ? "" : m.state().name()));
        fields.put("URL", new Field("URL", MachineSummary::dockerUrl));
        fields.put("SwarmOptions", new Field("SWARM", m -> ""));
        fields.put("DockerVersion", new Field("DOCKER", m -> ""));
        fields.put("Error", new Field("ERRORS", m -> ""));
        return Collections.unmodifiableMap(fields);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
