package io.harbormaster.cli.machine;

import io.harbormaster.api.machine.MachineState;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * docker-machine's {@code --filter key=value} options. {@code driver}, {@code state} and {@code name} become the
 * API's query parameters; {@code name} is a regular expression found anywhere in the name, as in docker-machine; the
 * server matches it that way (ignoring case), so it is sent as given once Java accepts it.
 *
 * <p>{@code label=k=v} is docker-machine's engine label filter (several are OR-ed, the value compared ignoring case).
 * The server's list has no label parameter, so hm filters the rows itself, which needs the server to report each
 * machine's {@code engineOptions}; when it does not, hm says so instead of showing an empty list.
 */
record LsFilters(String state, String driver, String name, List<String> labels) {

    private static final List<String> KEYS = List.of("driver", "state", "name", "label");

    static LsFilters parse(List<String> filters, CommandSpec spec) {
        var values = new LinkedHashMap<String, String>();
        var labels = new java.util.ArrayList<String>();
        for (var filter : filters) {
            int equals = filter.indexOf('=');
            if (equals <= 0) {
                throw new ParameterException(spec.commandLine(),
                        "Invalid filter '" + filter + "': use key=value, e.g. --filter state=Running");
            }
            var key = filter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            var value = filter.substring(equals + 1).strip();
            if (!KEYS.contains(key)) {
                throw new ParameterException(spec.commandLine(),
                        "Unsupported filter key '" + key + "': hm filters by " + String.join(", ", KEYS));
            }
            if (key.equals("label")) {
                if (value.indexOf('=') <= 0) {
                    throw new ParameterException(spec.commandLine(),
                            "Invalid label filter '" + value + "': use --filter label=KEY=VALUE, e.g. label=env=prod");
                }
                labels.add(value);
                continue;
            }
            if (values.putIfAbsent(key, value) != null) {
                throw new ParameterException(spec.commandLine(), "Only one " + key + "= filter at a time, for now");
            }
        }
        return new LsFilters(state(values.get("state"), spec), blankToNull(values.get("driver")),
                name(values.get("name"), spec), List.copyOf(labels));
    }

    /** The machines that carry one of the wanted engine labels, or all of them without a label filter. */
    List<MachineListItem> byLabel(List<MachineListItem> machines) {
        if (labels.isEmpty()) {
            return machines;
        }
        return machines.stream().filter(machine -> {
            if (machine.engineOptions() == null) {
                throw new io.harbormaster.cli.HmException("--filter label= needs the server to list each machine's "
                        + "engine labels (engineOptions), and this one does not; filter by driver, state or name.");
            }
            return labels.stream().anyMatch(wanted -> hasLabel(machine.engineOptions().labels(), wanted));
        }).toList();
    }

    /** docker-machine's match: the key exactly, the value ignoring case. */
    private static boolean hasLabel(List<String> labels, String wanted) {
        var key = wanted.substring(0, wanted.indexOf('='));
        var value = wanted.substring(wanted.indexOf('=') + 1);
        return labels.stream().filter(label -> label.contains("="))
                .anyMatch(label -> label.substring(0, label.indexOf('=')).equals(key)
                        && label.substring(label.indexOf('=') + 1).equalsIgnoreCase(value));
    }

    /** The query parameters, in a stable order, without the ones not given. */
    Map<String, String> queryParameters() {
        var query = new LinkedHashMap<String, String>();
        query.put("state", state);
        query.put("driver", driver);
        query.put("name", name);
        return query;
    }

    private static String state(String value, CommandSpec spec) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(MachineState.values())
                .map(Enum::name)
                .filter(state -> state.equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "Unknown state '" + value + "': one of "
                        + Arrays.stream(MachineState.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    private static String name(String value, CommandSpec spec) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new ParameterException(spec.commandLine(),
                    "The name filter is not a regular expression: " + e.getDescription());
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
