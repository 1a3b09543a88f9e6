package io.harbormaster.cli.machine;

import io.harbormaster.api.machine.MachineName;
import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.certs.ClientCertificateCache;
import io.harbormaster.workstation.EnvScript;
import io.harbormaster.workstation.EnvSettings;
import io.harbormaster.workstation.Shell;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm env}: docker-machine's {@code env}, with the client certificate fetched and cached for this workstation. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Display the commands to set up the environment for the Docker client",
        footer = {"", "Examples:", "  eval \"$(hm env web-1)\"            # bash, zsh", "  hm env web-1 | source             # fish",
                "  eval \"$(hm env -u)\"               # back to the local Docker"})
public class EnvCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The machine (TEAM/NAME when the name is in two "
            + "of your teams); default: " + MachineResolver.DEFAULT_MACHINE)
    private String name;

    @Option(names = "--shell", paramLabel = "SHELL",
            description = "bash, zsh, fish, powershell, cmd, tcsh or emacs; default: the shell that runs hm")
    private String shell;

    @Option(names = {"-u", "--unset"}, description = "Unset variables instead of setting them")
    private boolean unset;

    @Option(names = "--no-proxy", description = "Add the machine's IP address to NO_PROXY")
    private boolean noProxy;

    @Override
    public void run() {
        var workstation = hm.workstation();
        var chosen = shell == null ? null : parseShell(shell);
        EnvSettings settings;
        if (unset) {
            settings = EnvSettings.forUnset();
        } else {
            var client = hm.connect();
            var machine = MachineResolver.resolve(client, name);
            if (machine.dockerUrl() == null || machine.dockerUrl().isBlank()) {
                throw new HmException("Machine \"" + machine.name() + "\" has no Docker URL yet (state "
                        + machine.state() + "). Wait until it is Running (hm status " + machine.name()
                        + ") and run hm env again.");
            }
            var folder = new ClientCertificateCache(workstation.configDirectory(), Clock.systemUTC())
                    .certificateFor(new ClientCertificateCache.Machine(machine.id(), machine.name(),
                            machine.caFingerprint()), client);
            settings = EnvSettings.forMachine(MachineName.of(machine.name()), machine.dockerUrl(),
                    folder.toAbsolutePath().toString());
        }
        // a named shell is repeated in the usage hint, as docker-machine does; a detected one is not
        settings = chosen != null ? settings.withShell(chosen) : detected(settings, ShellDetection.detect(workstation));
        if (noProxy) {
            settings = settings.withNoProxy(workstation.variable("NO_PROXY")
                    .or(() -> workstation.variable("no_proxy")).orElse(null));
        }
        var out = spec.commandLine().getOut();
        out.print(EnvScript.render(settings));
        out.flush();
    }

    private static EnvSettings detected(EnvSettings settings, Shell shell) {
        return new EnvSettings(shell, false, settings.unset(), settings.noProxy(), settings.machineName(),
                settings.dockerHost(), settings.certPath(), settings.commandName(), settings.existingNoProxy());
    }

    private static Shell parseShell(String text) {
        try {
            return Shell.parse(text);
        } catch (IllegalArgumentException e) {
            throw new HmException(e.getMessage());
        }
    }
}
