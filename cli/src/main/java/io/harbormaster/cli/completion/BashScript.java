package io.harbormaster.cli.completion;

import java.util.stream.Collectors;

/**
 * The bash completion script (also zsh's, through bashcompinit). Static words come from the command tree; machine,
 * team and user names come from {@code hm __complete KIND} when tab is pressed, cut off after a few seconds so a
 * slow server never hangs the shell. Written for bash 3.2 too (macOS): no mapfile, no associative arrays.
 */
final class BashScript {

    private BashScript() {
    }

    static String render(CompletionModel model, String program) {
        var out = new StringBuilder();
        out.append("""
                # bash completion for @PROGRAM@, written by '@PROGRAM@ completion bash'.
                # Load it in this shell:  source <(@PROGRAM@ completion bash)
                # For every new shell:    @PROGRAM@ completion bash > ~/.local/share/bash-completion/completions/@PROGRAM@

                # Names the server knows (machines, teams, users, drivers), asked for at completion time with a time limit.
                __hm_dynamic() {
                    local hm=${COMP_WORDS[0]}
                    if command -v timeout >/dev/null 2>&1; then
                        timeout 5 "$hm" __complete "$1" 2>/dev/null
                    else
                        "$hm" __complete "$1" 2>/dev/null
                    fi
                }

                # What the command path $1 takes: subcommands, options, options with a value, positional kinds.
                __hm_spec() {
                    __hm_subs='' __hm_opts='' __hm_valued='' __hm_args=''
                    case "$1" in
                """.replace("@PROGRAM@", program));
        for (var command : model.commands()) {
            out.append("        ").append(quote(command.path())).append(")\n");
            out.append("            __hm_subs=").append(quote(String.join(" ", command.subcommands()))).append('\n');
            out.append("            __hm_opts=").append(quote(command.options().stream()
                    .flatMap(option -> option.names().stream()).collect(Collectors.joining(" ")))).append('\n');
            out.append("            __hm_valued=").append(quote(command.options().stream()
                    .filter(CompletionModel.Option::takesValue)
                    .flatMap(option -> option.names().stream()).collect(Collectors.joining(" ")))).append('\n');
            out.append("            __hm_args=").append(quote(positionalKinds(command))).append('\n');
            out.append("            ;;\n");
        }
        out.append("""
                    esac
                }

                # The values option $2 of command path $1 completes to, one a line.
                __hm_option_values() {
                    case "$1|$2" in
                """);
        for (var command : model.commands()) {
            for (var option : command.options()) {
                if (!option.takesValue() || option.values().isEmpty()) {
                    continue;
                }
                var patterns = option.names().stream().map(name -> quote(command.path() + "|" + name))
                        .collect(Collectors.joining("|"));
                out.append("        ").append(patterns).append(") ").append(produce(option.values())).append(" ;;\n");
            }
        }
        out.append("""
                    esac
                }

                # The values of a positional kind: a server's names, or a fixed list (commas between words).
                __hm_kind_values() {
                    case "$1" in
                        machines|teams|users|drivers) __hm_dynamic "$1" ;;
                        -) ;;
                        *) printf '%s\\n' ${1//,/ } ;;
                    esac
                }

                _hm() {
                    # not 'path': zsh ties that name to PATH
                    local cur=${COMP_WORDS[COMP_CWORD]} at='' word i npos=0 skip=0
                    COMPREPLY=()
                    for ((i = 1; i < COMP_CWORD; i++)); do
                        word=${COMP_WORDS[i]}
                        if ((skip > 0)); then
                            skip=$((skip - 1))
                            continue
                        fi
                        __hm_spec "$at"
                        case "$word" in
                            --*=*) continue ;;
                            -*)
                                if [[ " $__hm_valued " == *" $word "* ]]; then
                                    # bash splits --opt=value at the '=' (COMP_WORDBREAKS): skip both then
                                    if [[ ${COMP_WORDS[i+1]} == "=" ]]; then skip=2; else skip=1; fi
                                fi
                                continue
                                ;;
                        esac
                        if ((npos == 0)) && [[ " $__hm_subs " == *" $word "* ]]; then
                            at=${at:+$at }$word
                        else
                            npos=$((npos + 1))
                        fi
                    done
                    __hm_spec "$at"
                    local option=''
                    if ((skip > 0)); then
                        option=${COMP_WORDS[COMP_CWORD-1]}
                        [[ $option == "=" ]] && option=${COMP_WORDS[COMP_CWORD-2]}
                        [[ $cur == "=" ]] && cur=''
                    elif [[ $cur == "=" && " $__hm_valued " == *" ${COMP_WORDS[COMP_CWORD-1]} "* ]]; then
                        option=${COMP_WORDS[COMP_CWORD-1]}
                        cur=''
                    elif [[ $cur == --*=* ]]; then
                        option=${cur%%=*}
                        cur=${cur#*=}
                    fi
                    if [[ -n $option ]]; then
                        COMPREPLY=($(compgen -W "$(__hm_option_values "$at" "$option")" -- "$cur"))
                        return 0
                    fi
                    if [[ $cur == -* ]]; then
                        COMPREPLY=($(compgen -W "$__hm_opts" -- "$cur"))
                        return 0
                    fi
                    if ((npos == 0)) && [[ -n $__hm_subs ]]; then
                        COMPREPLY=($(compgen -W "$__hm_subs" -- "$cur"))
                        return 0
                    fi
                    local kinds=($__hm_args) kind=''
                    if ((npos < ${#kinds[@]})); then
                        kind=${kinds[npos]}
                    elif ((${#kinds[@]} > 0)) && [[ ${kinds[${#kinds[@]}-1]} == *+ ]]; then
                        kind=${kinds[${#kinds[@]}-1]}
                    fi
                    kind=${kind%+}
                    [[ -z $kind ]] && return 0
                    COMPREPLY=($(compgen -W "$(__hm_kind_values "$kind")" -- "$cur"))
                    return 0
                }

                complete -F _hm @PROGRAM@
                """.replace("@PROGRAM@", program));
        return out.toString();
    }

    /** One word per positional: its kind, a comma list of fixed words, or - for free text; + when it repeats. */
    private static String positionalKinds(CompletionModel.Command command) {
        var kinds = command.positionals().stream().map(BashScript::kind).toList();
        if (kinds.isEmpty()) {
            return "";
        }
        var joined = String.join(" ", kinds);
        return command.lastRepeats() ? joined + "+" : joined;
    }

    private static String kind(CompletionModel.Values values) {
        if (values.dynamicKind() != null) {
            return values.dynamicKind();
        }
        return values.words().isEmpty() ? "-" : String.join(",", values.words());
    }

    private static String produce(CompletionModel.Values values) {
        if (values.dynamicKind() != null) {
            return "__hm_dynamic " + values.dynamicKind();
        }
        return "printf '%s\\n' " + values.words().stream().map(BashScript::quote).collect(Collectors.joining(" "));
    }

    /** Single-quoted for the shell. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
