package io.harbormaster.cli.machine;

import io.harbormaster.cli.Workstation;
import io.harbormaster.workstation.Shell;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Which shell {@code hm env} writes for when {@code --shell} is not given: the shell that started hm (its parent
 * process, as docker-machine looks at on Windows, which also sees a fish started from a bash login), else
 * {@code $SHELL}, else bash.
 */
final class ShellDetection {

    private ShellDetection() {
    }

    static Shell detect(Workstation workstation) {
        return workstation.parentCommand().flatMap(ShellDetection::named)
                .or(() -> workstation.variable("SHELL").flatMap(ShellDetection::named))
                .orElse(Shell.BASH);
    }

    static Optional<Shell> named(String command) {
        var file = Path.of(command).getFileName();
        if (file == null) {
            return Optional.empty();
        }
        var name = file.toString().toLowerCase(Locale.ROOT).replaceFirst("\\.exe$", "").replaceFirst("^-", "");
        return switch (name) {
            case "bash", "sh", "dash", "ksh", "mksh" -> Optional.of(Shell.BASH);
            case "zsh" -> Optional.of(Shell.ZSH);
            case "fish" -> Optional.of(Shell.FISH);
            case "tcsh", "csh" -> Optional.of(Shell.TCSH);
            case "pwsh", "powershell" -> Optional.of(Shell.POWERSHELL);
            case "cmd" -> Optional.of(Shell.CMD);
            case "emacs" -> Optional.of(Shell.EMACS);
            default -> Optional.empty();
        };
    }
}
