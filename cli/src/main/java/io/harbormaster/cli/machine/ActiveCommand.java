package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hm active}: docker-machine's {@code active}, the machine that is Running and whose Docker URL is
 * {@code $DOCKER_HOST} (what {@code eval "$(hm env NAME)"} set). Without {@code DOCKER_HOST} nothing can be active
 * and the server is not asked. Otherwise the machine {@code $DOCKER_MACHINE_NAME} names (also set by {@code hm env})
 * is checked first, one request; only when that is not it are the Running machines listed.
 */
@Command(name = "active", mixinStandardHelpOptions = true, description = "Print which machine is active",
        footer = {"", "Example:", "  eval \"$(hm env web-1)\" && hm active      # web-1"})
public class ActiveCommand implements Runnable {

    static final String NO_ACTIVE_HOST = "No active host found";

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for the server, in seconds (default: ${DEFAULT-VALUE})")
    private int timeout;

    @Override
    public void run() {
        var limit = TimeLimit.seconds(timeout);
        var workstation = hm.workstation();
        var dockerHost = workstation.variable("DOCKER_HOST").map(String::strip)
                .orElseThrow(() -> new HmException(NO_ACTIVE_HOST));
        var client = hm.connect();
        var active = TimeLimit.within(limit, "Error getting active host: timeout",
                () -> named(client, workstation.variable("DOCKER_MACHINE_NAME"), dockerHost)
                        .or(() -> listed(client, dockerHost, limit)))
                .orElseThrow(() -> new HmException(NO_ACTIVE_HOST));
        var out = spec.commandLine().getOut();
        out.println(active);
        out.flush();
    }

    private static Optional<String> named(HarbormasterClient client, Optional<String> name, String dockerHost) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            var machine = MachineResolver.resolve(client, name.get());
            return isActive(machine.state(), machine.dockerUrl(), dockerHost) ? Optional.of(machine.name())
                    : Optional.empty();
        } catch (MachineResolver.UnknownMachine e) {
            // a stale DOCKER_MACHINE_NAME: look through the list instead
            return Optional.empty();
        } catch (ServerRefusal refusal) {
            if (refusal.status() == 409) {
                // the name is in two of the caller's teams: the list tells which one has the URL
                return Optional.empty();
            }
            throw refusal;
        }
    }

    private static Optional<String> listed(HarbormasterClient client, String dockerHost, java.time.Duration limit) {
        return MachineListing.all(client, Map.of("state", "Running"), limit).machines().stream()
                .filter(machine -> isActive(machine.state(), machine.dockerUrl(), dockerHost))
                .map(MachineListItem::name)
                .findFirst();
    }

    /** docker-machine's rule: Running, and the URL is exactly {@code $DOCKER_HOST}. */
    static boolean isActive(String state, String dockerUrl, String dockerHost) {
        return "Running".equals(state) && dockerUrl != null && !dockerHost.isBlank() && dockerUrl.equals(dockerHost);
    }
}
