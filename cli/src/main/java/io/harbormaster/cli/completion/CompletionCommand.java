package io.harbormaster.cli.completion;

import io.harbormaster.cli.HmException;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hm completion SHELL}: prints the shell's completion script for hm's verbs, flags and machine names. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for bash, zsh or fish", "",
                "It completes verbs, flags, and machine, team and user names. The names come from the server when "
                        + "you press tab (through 'hm __complete', at most 5 seconds), so they are always current and need the same login as hm ls."},
        footer = {"", "Examples:",
                "  source <(hm completion bash)   # bash: in ~/.bashrc, or once:",
                "  hm completion bash > ~/.local/share/bash-completion/completions/hm",
                "  source <(hm completion zsh)    # zsh: in ~/.zshrc",
                "  hm completion fish > ~/.config/fish/completions/hm.fish"})
public class CompletionCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", completionCandidates = Candidates.Shells.class,
            description = "bash, zsh or fish")
    private String shell;

    @Override
    public void run() {
        var model = CompletionModel.of(spec.root());
        var script = switch (shell.strip().toLowerCase(Locale.ROOT)) {
            case "bash" -> BashScript.render(model, "hm");
            case "zsh" -> """
                    #compdef hm
                    # zsh completion for hm, written by 'hm completion zsh': the bash script through zsh's bashcompinit.
                    # Load it in this shell:  source <(hm completion zsh)    (add that line to ~/.zshrc)
                    (( $+functions[compdef] )) || { autoload -U +X compinit && compinit }
                    autoload -U +X bashcompinit && bashcompinit

                    """ + BashScript.render(model, "hm");
            case "fish" -> FishScript.render(model);
            default -> throw new HmException("hm writes completion for bash, zsh and fish; got '"
                    + shell.strip().replaceAll("\\p{Cntrl}", "?") + "'.");
        };
        var out = spec.commandLine().getOut();
        out.print(script);
        out.flush();
    }
}
