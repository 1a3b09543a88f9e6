package io.harbormaster.cli.version;

import io.harbormaster.cli.HmCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Prints the client's version the way docker-machine does ({@code docker-machine version 0.16.2, ...}). */
@Command(name = "version", description = "Show the hm version", mixinStandardHelpOptions = true)
public class VersionCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println("hm version " + hm.workstation().clientVersion());
    }
}
