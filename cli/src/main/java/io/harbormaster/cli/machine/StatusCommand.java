package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm status}: docker-machine's {@code status}, the machine's state as the server last saw it. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Get the status of a machine",
        footer = {"", "Examples:", "  hm status web-1                 # Running, Stopped, Error, ...",
                "  hm status platform/web-1        # the web-1 of team platform"})
public class StatusCommand implements Runnable {

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
        var out = spec.commandLine().getOut();
        out.println(machine.state());
        out.flush();
    }
}
