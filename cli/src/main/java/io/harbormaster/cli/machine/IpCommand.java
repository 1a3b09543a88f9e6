package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmCommand;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hm ip}: docker-machine's {@code ip} for one or more machines, one address a line in the order named. The
 * address is the one the server reports, else the generic driver's {@code ip-address}, else the host of the Docker
 * URL. Like docker-machine, an unknown name stops everything before anything is printed.
 */
@Command(name = "ip", mixinStandardHelpOptions = true, description = "Get the IP address of a machine",
        footer = {"", "Examples:", "  hm ip web-1", "  ssh ubuntu@$(hm ip web-1)", "  hm ip web-1 web-2 db-1"})
public class IpCommand implements Callable<Integer> {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "The machines; default: "
            + MachineResolver.DEFAULT_MACHINE)
    private List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        var machines = MachineResolver.resolveAll(hm.connect(), names);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int exitCode = 0;
        for (var machine : machines) {
            var ip = address(machine);
            if (ip.isPresent()) {
                out.println(ip.get());
            } else {
                err.println("Error getting IP address: IP address is not set (machine \"" + machine.name()
                        + "\", state " + machine.state() + ")");
                exitCode = 1;
            }
        }
        out.flush();
        err.flush();
        return exitCode;
    }

    static Optional<String> address(MachineView machine) {
        if (machine.ipAddress() != null && !machine.ipAddress().isBlank()) {
            return Optional.of(machine.ipAddress());
        }
        var option = machine.driverOptions().get("ip-address");
        if (option instanceof String address && !address.isBlank()) {
            return Optional.of(address.strip());
        }
        return urlHost(machine.dockerUrl());
    }

    static Optional<String> urlHost(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            var host = URI.create(url.strip()).getHost();
            if (host == null || host.isBlank()) {
                return Optional.empty();
            }
            // an IPv6 literal comes back in brackets
            return Optional.of(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
                    : host);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
