package io.harbormaster.cli.driver;

import io.harbormaster.api.driver.DriverList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParseResult;

/**
 * A driver's options, as the server describes them, made into flags of a command: {@code --NAME VALUE} and
 * {@code --NAME=VALUE}; a BOOLEAN option alone means true ({@code --NAME=false} too); a LIST option may be repeated,
 * its values joined with commas as the driver reads them (docker-machine's repeatable flags, such as
 * {@code --amazonec2-open-port}). Values are passed as typed: the server's driver judges them.
 */
public final class DriverFlags {

    static final String HELP_SECTION = "driverOptions";

    private final String driver;
    private final Map<String, DriverList.Option> byFlag;

    private DriverFlags(String driver, Map<String, DriverList.Option> byFlag) {
        this.driver = driver;
        this.byFlag = byFlag;
    }

    /**
     * Adds {@code described}'s options to {@code command} (hidden from picocli's own option list: a help section of
     * their own, after it, names the server they came from). Options whose flag the command already has are left
     * to the command.
     */
    public static DriverFlags install(CommandSpec command, String server, DriverList.Driver described) {
        var byFlag = new LinkedHashMap<String, DriverList.Option>();
        for (var option : described.options()) {
            var flag = flag(described.name(), option.name());
            if (command.findOption(flag) != null) {
                continue;
            }
            var builder = OptionSpec.builder(flag).hidden(true).description(option.description())
                    .paramLabel(label(option));
            switch (kind(option)) {
                case "BOOLEAN" -> builder.type(boolean.class).arity("0..1");
                case "LIST" -> builder.type(List.class).auxiliaryTypes(String.class).arity("1");
                default -> builder.type(String.class).arity("1");
            }
            command.addOption(builder.build());
            byFlag.put(flag, option);
        }
        var flags = new DriverFlags(described.name(), byFlag);
        flags.addHelpSection(command.usageMessage(), server);
        return flags;
    }

    /** The flag hm takes for a driver's option: generic's carry its prefix, none's and the rest are the name. */
    public static String flag(String driver, String option) {
        return driver.equals("generic") ? "--generic-" + option : "--" + option;
    }

    /** The {@code driverOptions} of a create request: each given flag's value under its option's name. */
    public Map<String, String> values(ParseResult parsed) {
        var values = new LinkedHashMap<String, String>();
        byFlag.forEach((flag, option) -> {
            var matched = parsed.matchedOption(flag);
            if (matched == null) {
                return;
            }
            Object value = matched.getValue();
            values.put(option.name(), value instanceof List<?> list
                    ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value));
        });
        return values;
    }

    /**
     * The error for arguments nobody took, when one is a flag: docker-machine's "unknown flag", the closest flag
     * of the driver's or the command's own ({@code otherFlags}) suggested. Only flag names are repeated, never
     * values.
     */
    public Optional<String> unknownFlag(List<String> unmatched, Collection<String> otherFlags) {
        var known = new ArrayList<>(byFlag.keySet());
        known.addAll(otherFlags);
        return unmatched.stream().filter(arg -> arg.startsWith("-") && arg.length() > 1).findFirst().map(arg -> {
            var flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            return "unknown flag " + flag + Suggestion.closest(flag, known).map(close -> "; did you mean " + close
                    + "?").orElse("") + " " + listHint();
        });
    }

    /** Where the user finds the driver's flags. */
    public String listHint() {
        return "(hm drivers " + driver + " lists the " + driver + " driver's flags)";
    }

    /** Whether {@code arg} is one of the flags made from the driver's options. */
    public boolean owns(picocli.CommandLine.Model.ArgSpec arg) {
        return arg instanceof OptionSpec option && byFlag.containsKey(option.longestName());
    }

    public String driver() {
        return driver;
    }

    private void addHelpSection(UsageMessageSpec usage, String server) {
        var keys = new ArrayList<>(usage.sectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, HELP_SECTION);
        usage.sectionKeys(keys);
        var sections = new LinkedHashMap<>(usage.sectionMap());
        sections.put(HELP_SECTION, help -> render(help, server));
        usage.sectionMap(sections);
    }

    private String render(Help help, String server) {
        int width = help.commandSpec().usageMessage().width();
        int flagColumn = 36;
        var table = TextTable.forColumns(help.colorScheme(), new Column(flagColumn, 6, Column.Overflow.SPAN),
                new Column(width - flagColumn, 1, Column.Overflow.WRAP));
        byFlag.forEach((flag, option) -> table.addRowValues(usage(flag, option), describe(option)));
        return String.format("%nOptions of the %s driver, from %s:%n", driver, server) + table;
    }

    /** The description with what the server uses when the flag is not given, and how a list is repeated. */
    public static String describe(DriverList.Option option) {
        var text = new StringBuilder(option.description());
        if (option.required()) {
            text.append(" Required.");
        }
        if (kind(option).equals("LIST")) {
            text.append(" Repeat the flag for more values.");
        }
        if (option.defaultValue() != null && !option.defaultValue().isBlank()) {
            text.append(" (default: ").append(option.defaultValue()).append(')');
        }
        return text.toString();
    }

    /** The flag as help shows it: {@code --amazonec2-region VALUE}, {@code --amazonec2-monitoring[=true|false]}. */
    public static String usage(String flag, DriverList.Option option) {
        var label = label(option);
        return label.startsWith("[") ? flag + label : flag + " " + label;
    }

    /** What the flag's value looks like in help. */
    public static String label(DriverList.Option option) {
        return switch (kind(option)) {
            case "BOOLEAN" -> "[=true|false]";
            case "NUMBER" -> "N";
            case "PORT" -> "PORT";
            case "HOST" -> "HOST";
            case "URL" -> "URL";
            default -> "VALUE";
        };
    }

    private static String kind(DriverList.Option option) {
        return option.kind() == null ? "TEXT" : option.kind().toUpperCase(Locale.ROOT);
    }
}
