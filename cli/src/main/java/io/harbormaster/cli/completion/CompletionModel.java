package io.harbormaster.cli.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What the completion scripts complete, read from hm's own command tree, so a verb added to hm completes without
 * touching the scripts: every command path with its subcommands, options and positional parameters, and for each
 * value what to offer ({@link Values}).
 */
record CompletionModel(List<Command> commands) {

    /** What a value completes to: nothing, a fixed list, or names hm asks the server for at completion time. */
    record Values(List<String> words, String dynamicKind) {

        static final Values NONE = new Values(List.of(), null);

        boolean isEmpty() {
            return words.isEmpty() && dynamicKind == null;
        }
    }

    record Option(List<String> names, boolean takesValue, Values values, String description) {
    }

    /** {@code path} is the command's words after {@code hm}, space-separated: "" for hm, "tokens create". */
    record Command(String path, String description, List<String> subcommands, List<Option> options,
                   List<Values> positionals, boolean lastRepeats) {
    }

    static CompletionModel of(CommandSpec root) {
        var commands = new ArrayList<Command>();
        add(root, "", rootSubcommands(root), commands);
        return new CompletionModel(List.copyOf(commands));
    }

    private static void add(CommandSpec spec, String path, List<String> rootSubcommands, List<Command> into) {
        var subcommands = new ArrayList<String>();
        var children = new ArrayList<CommandLine>();
        for (var entry : spec.subcommands().entrySet()) {
            var child = entry.getValue();
            if (child.getCommandSpec().usageMessage().hidden() || children.contains(child)) {
                continue;
            }
            children.add(child);
            subcommands.add(child.getCommandName());
        }
        var options = new ArrayList<Option>();
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            options.add(new Option(List.of(option.names()), option.arity().max() > 0, values(option, rootSubcommands,
                    spec), firstLine(option.description())));
        }
        var positionals = new ArrayList<Values>();
        boolean repeats = false;
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (positional.hidden()) {
                continue;
            }
            positionals.add(values(positional, rootSubcommands, spec));
            repeats = positional.arity().max() > 1;
        }
        into.add(new Command(path, firstLine(spec.usageMessage().description()), List.copyOf(subcommands),
                List.copyOf(options), List.copyOf(positionals), repeats));
        for (var child : children) {
            var name = child.getCommandName();
            add(child.getCommandSpec(), path.isEmpty() ? name : path + " " + name, rootSubcommands, into);
        }
    }

    private static List<String> rootSubcommands(CommandSpec root) {
        return root.subcommands().values().stream().distinct()
                .filter(child -> !child.getCommandSpec().usageMessage().hidden())
                .map(CommandLine::getCommandName).toList();
    }

    private static Values values(ArgSpec arg, List<String> rootSubcommands, CommandSpec owner) {
        var candidates = arg.completionCandidates();
        if (candidates instanceof Candidates.Dynamic dynamic) {
            return new Values(List.of(), dynamic.kind());
        }
        if (candidates != null) {
            var words = new ArrayList<String>();
            candidates.forEach(words::add);
            if (!words.isEmpty()) {
                return new Values(List.copyOf(words), null);
            }
        }
        if (arg instanceof PositionalParamSpec && owner.userObject() instanceof CommandLine.HelpCommand) {
            return new Values(rootSubcommands, null);
        }
        if (arg instanceof PositionalParamSpec && looksLikeAMachine(arg)) {
            return new Values(List.of(), new Candidates.Machines().kind());
        }
        return Values.NONE;
    }

    /**
     * A verb that did not mark its parameter: a NAME or MACHINE described as a machine is one (docker-machine's
     * verbs all name their machine so).
     */
    private static boolean looksLikeAMachine(ArgSpec arg) {
        var label = arg.paramLabel().replaceAll("[<>\\[\\].]", "").toUpperCase(Locale.ROOT);
        var description = String.join(" ", arg.description()).toLowerCase(Locale.ROOT);
        return (label.equals("NAME") || label.equals("MACHINE")) && description.contains("machine");
    }

    private static String firstLine(String[] description) {
        if (description == null || description.length == 0) {
            return "";
        }
        var text = description[0].strip();
        int stop = text.indexOf(". ");
        text = stop < 0 ? text : text.substring(0, stop);
        text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        // ${DEFAULT-VALUE} and friends mean nothing in a shell
        return text.replaceAll("\\$\\{[^}]*}", "").replaceAll("\\(default: *\\)", "").strip();
    }
}
