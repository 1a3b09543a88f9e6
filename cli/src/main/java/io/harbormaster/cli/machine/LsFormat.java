package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.template.GoJson;
import io.harbormaster.cli.template.GoTemplate;
import io.harbormaster.cli.template.TemplateException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ls --format}: docker-machine's Go template on each row ({@link GoTemplate}), where a leading {@code table}
 * adds a header row (the template run on the column names) and aligns the columns at tabs; {@code \t} and {@code \n}
 * are turned into tab and newline first, as docker-machine does. {@code json} prints the rows as a JSON array
 * instead, each row what {@code {{json .}}} prints. Fields are checked when parsing, so a typo fails before the
 * server is asked.
 */
final class LsFormat {

    /** docker-machine's default, as written in its {@code commands/ls.go}. */
    static final String DEFAULT = "table {{ .Name }}\\t{{ .Active }}\\t{{ .DriverName}}\\t{{ .State }}\\t{{ .URL }}"
            + "\\t{{ .Swarm }}\\t{{ .DockerVersion }}\\t{{ .Error}}";

    static final String JSON = "json";

    /** The fields of a row and their column names: docker-machine's, then Harbormaster's TEAM and HOLDER. */
    static final Map<String, String> HEADERS = headers();

    private final GoTemplate template;
    private final boolean table;

    private LsFormat(GoTemplate template, boolean table) {
        this.template = template;
        this.table = table;
    }

    static LsFormat parse(String format) {
        if (format.strip().equals(JSON)) {
            return new LsFormat(null, false);
        }
        var text = format;
        boolean table = false;
        if (text.startsWith("table")) {
            table = true;
            text = text.substring("table".length());
        }
        text = text.strip().replace("\\t", "\t").replace("\\n", "\n");
        GoTemplate template;
        try {
            template = GoTemplate.parse(text);
        } catch (TemplateException e) {
            throw new HmException("--format: " + e.getMessage());
        }
        for (var field : template.fields()) {
            if (!field.names().isEmpty() && !HEADERS.containsKey(field.names().getFirst())) {
                throw new HmException("--format: hm does not know " + field.action() + "; use "
                        + String.join(", ", HEADERS.keySet().stream().map(name -> "{{." + name + "}}").toList()));
            }
        }
        return new LsFormat(template, table);
    }

    /** A table: read everything before printing, to know the columns' widths. */
    boolean table() {
        return table;
    }

    boolean json() {
        return template == null;
    }

    /** The rows rendered, each ending in a newline; a table has its header row first and aligned columns. */
    String render(List<Map<String, Object>> rows) {
        if (json()) {
            return GoJson.indented(rows, "    ", false) + "\n";
        }
        var out = new StringBuilder();
        try {
            if (table) {
                out.append(template.execute(HEADERS)).append('\n');
            }
            for (var row : rows) {
                out.append(template.execute(row)).append('\n');
            }
        } catch (TemplateException e) {
            throw new HmException("--format: " + e.getMessage());
        }
        if (!table) {
            return out.toString();
        }
        var aligned = TabWriter.align(out.substring(0, out.length() - 1));
        return aligned + "\n";
    }

    private static Map<String, String> headers() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Name", "NAME");
        headers.put("Active", "ACTIVE");
        headers.put("ActiveHost", "ACTIVE_HOST");
        headers.put("ActiveSwarm", "ACTIVE_SWARM");
        headers.put("DriverName", "DRIVER");
        headers.put("State", "STATE");
        headers.put("URL", "URL");
        headers.put("SwarmOptions", "SWARM_OPTIONS");
        headers.put("Swarm", "SWARM");
        headers.put("EngineOptions", "ENGINE_OPTIONS");
        headers.put("Error", "ERRORS");
        headers.put("DockerVersion", "DOCKER");
        headers.put("ResponseTime", "RESPONSE");
        headers.put("Team", "TEAM");
        headers.put("Holder", "HOLDER");
        return Collections.unmodifiableMap(headers);
    }
}
