package io.harbormaster.cli.completion;

import java.util.stream.Collectors;

/**
 * The fish completion script, one {@code complete} line per subcommand, option and positional parameter, each
 * guarded by the command path typed so far. Machine, team and user names come from {@code hm __complete KIND} when
 * tab is pressed, cut off after a few seconds.
 */
final class FishScript {

    private FishScript() {
    }

    static String render(CompletionModel model) {
        var out = new StringBuilder();
        out.append("""
                # fish completion for hm, written by 'hm completion fish'.
                # Load it in this shell:  hm completion fish | source
                # For every new shell:    hm completion fish > ~/.config/fish/completions/hm.fish

                # The command path typed so far ("hm tokens create") and how many arguments follow it, one a line.
                function __hm_state
                    set -l words (commandline -opc)
                    set -l at hm
                    set -l npos 0
                    set -l skip 0
                    for word in $words[2..-1]
                        if test $skip -eq 1
                            set skip 0
                            continue
                        end
                        switch $word
                            case '--*=*'
                                continue
                            case '-*'
                                if contains -- $word (__hm_valued $at)
                                    set skip 1
                                end
                                continue
                        end
                        if test $npos -eq 0; and contains -- $word (__hm_subcommands $at)
                            set at "$at $word"
                        else
                            set npos (math $npos + 1)
                        end
                    end
                    echo $at
                    echo $npos
                end

                # True when the command path typed so far is $argv[1] (and, given $argv[2], that many arguments follow).
                function __hm_at
                    set -l state (__hm_state)
                    test "$state[1]" = "$argv[1]"; or return 1
                    test (count $argv) -lt 2; or test "$state[2]" = "$argv[2]"
                end

                # Names the server knows (machines, teams, users), asked for at completion time with a time limit.
                function __hm_dynamic
                    set -l hm (commandline -opc)[1]
                    if command -q timeout
                        timeout 5 $hm __complete $argv[1] 2>/dev/null
                    else
                        $hm __complete $argv[1] 2>/dev/null
                    end
                end

                function __hm_subcommands
                    switch "$argv[1]"
                """);
        for (var command : model.commands()) {
            if (!command.subcommands().isEmpty()) {
                out.append("        case ").append(quote(path(command))).append('\n')
                        .append("            printf '%s\\n' ").append(words(command.subcommands())).append('\n');
            }
        }
        out.append("""
                    end
                end

                function __hm_valued
                    switch "$argv[1]"
                """);
        for (var command : model.commands()) {
            var valued = command.options().stream().filter(CompletionModel.Option::takesValue)
                    .flatMap(option -> option.names().stream()).toList();
            if (!valued.isEmpty()) {
                out.append("        case ").append(quote(path(command))).append('\n')
                        .append("            printf '%s\\n' ").append(words(valued)).append('\n');
            }
        }
        out.append("""
                    end
                end

                complete -c hm -f
                """);
        for (var command : model.commands()) {
            var at = path(command);
            out.append('\n').append("# ").append(at).append('\n');
            var children = model.commands().stream()
                    .filter(other -> command.subcommands().stream()
                            .anyMatch(name -> other.path().equals(command.path().isEmpty() ? name
                                    : command.path() + " " + name)))
                    .toList();
            for (var child : children) {
                var name = child.path().substring(child.path().lastIndexOf(' ') + 1);
                out.append("complete -c hm -n ").append(quote("__hm_at " + quote(at) + " 0"))
                        .append(" -a ").append(quote(name)).append(describe(child.description())).append('\n');
            }
            for (var option : command.options()) {
                out.append("complete -c hm -n ").append(quote("__hm_at " + quote(at)));
                for (var name : option.names()) {
                    if (name.startsWith("--")) {
                        out.append(" -l ").append(name.substring(2));
                    } else if (name.length() == 2) {
                        out.append(" -s ").append(name.substring(1));
                    } else {
                        out.append(" -o ").append(name.substring(1));
                    }
                }
                if (option.takesValue()) {
                    out.append(" -x");
                    if (!option.values().isEmpty()) {
                        out.append(" -a ").append(quote(produce(option.values())));
                    }
                }
                out.append(describe(option.description())).append('\n');
            }
            if (command.subcommands().isEmpty()) {
                var positionals = command.positionals();
                for (int index = 0; index < positionals.size(); index++) {
                    var values = positionals.get(index);
                    if (values.isEmpty()) {
                        continue;
                    }
                    boolean repeats = command.lastRepeats() && index == positionals.size() - 1;
                    var condition = repeats ? "__hm_at " + quote(at) + "; and test (__hm_state)[2] -ge " + index
                            : "__hm_at " + quote(at) + " " + index;
                    out.append("complete -c hm -n ").append(quote(condition))
                            .append(" -a ").append(quote(produce(values))).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String path(CompletionModel.Command command) {
        return command.path().isEmpty() ? "hm" : "hm " + command.path();
    }

    private static String produce(CompletionModel.Values values) {
        if (values.dynamicKind() != null) {
            return "(__hm_dynamic " + values.dynamicKind() + ")";
        }
        return String.join(" ", values.words());
    }

    private static String words(java.util.List<String> words) {
        return words.stream().map(FishScript::quote).collect(Collectors.joining(" "));
    }

    private static String describe(String description) {
        return description == null || description.isBlank() ? "" : " -d " + quote(description);
    }

    /** Single-quoted for fish, where only \\ and ' are special inside single quotes. */
    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
