package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.certs.ClientCertificateCache;
import io.harbormaster.workstation.ConfigFlags;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm config}: the docker client's TLS flags for a machine, with the certificate cached like {@code hm env}. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the connection config for machine",
        footer = {"", "Example:", "  docker $(hm config web-1) ps"})
public class ConfigCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The machine; default: "
            + MachineResolver.DEFAULT_MACHINE)
    private String name;

    @Override
    public void run() {
        var client = hm.connect();
        var machine = MachineResolver.resolve(client, name);
        if (machine.dockerUrl() == null || machine.dockerUrl().isBlank()) {
            throw new HmException("Machine \"" + machine.name() + "\" has no Docker URL yet (state "
                    + machine.state() + "). Wait until it is Running and try again.");
        }
        var folder = new ClientCertificateCache(hm.workstation().configDirectory(), Clock.systemUTC())
                .certificateFor(new ClientCertificateCache.Machine(machine.id(), machine.name(),
                            machine.caFingerprint()), client);
        var out = spec.commandLine().getOut();
        out.print(ConfigFlags.render(folder.toAbsolutePath().toString(), machine.dockerUrl()));
        out.flush();
    }
}
