package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm url}: docker-machine's {@code url}, the machine's Docker URL ({@code tcp://host:2376}). */
@Command(name = "url", mixinStandardHelpOptions = true, description = "Get the URL of a machine",
        footer = {"", "Example:", "  curl --cert ... https://$(hm url web-1 | cut -d/ -f3)/version"})
public class UrlCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The machine (TEAM/NAME when the name is in two "
            + "of your teams); default: " + MachineResolver.DEFAULT_MACHINE)
    private String name;

    @Override
    public void run() {
        var machine = MachineResolver.resolve(hm.connect(), name);
        if (machine.dockerUrl() == null || machine.dockerUrl().isBlank()) {
            throw new HmException("Machine \"" + machine.name() + "\" has no Docker URL yet (state " + machine.state()
                    + ")");
        }
        var out = spec.commandLine().getOut();
        out.println(machine.dockerUrl());
        out.flush();
    }
}
