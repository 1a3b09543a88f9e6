package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.certs.IssuedCertificate;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import io.harbormaster.workstation.DockerContextExport;
import io.harbormaster.workstation.DockerContextStore;
import io.harbormaster.workstation.TlsMaterial;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hm context}: a {@code docker context} per machine, named after it, with a fresh client certificate, written
 * into docker's own context store ({@code $DOCKER_CONFIG}, else {@code ~/.docker}), so {@code docker --context web-1
 * ps} works without {@code hm env}. Run again, it replaces the certificates (docker will not remove the context in
 * use, so the files are rewritten in place).
 */
@Command(name = "context", mixinStandardHelpOptions = true,
        description = "Create or refresh a docker context for a machine, with fresh client certificates",
        footer = {"", "Examples:", "  hm context web-1 && docker --context web-1 ps",
                "  hm context --all                 # every machine you may use",
                "  hm context platform/web-1 --name prod-web"})
public class ContextCommand implements Callable<Integer> {

    /** docker's rule for context names. */
    private static final Pattern CONTEXT_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$");

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "The machines (TEAM/NAME when the name is in two "
            + "of your teams)")
    private List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Every machine you may use (viewers' machines are skipped, with why)")
    private boolean all;

    @Option(names = "--name", paramLabel = "CONTEXT", description = "The context's name (one machine only); "
            + "default: the machine's name")
    private String contextName;

    @Override
    public Integer call() {
        if (all == !names.isEmpty()) {
            throw new HmException("Name the machines, or give --all: hm context web-1, or hm context --all");
        }
        if (contextName != null && (all || names.size() > 1)) {
            throw new HmException("--name names one context: give it with one machine only");
        }
        var client = hm.connect();
        var machines = all ? usable(client) : names.stream().map(name -> MachineResolver.resolve(client, name))
                .map(machine -> new Target(machine.id(), machine.name(), machine.teamName(), machine.dockerUrl()))
                .toList();
        var dockerConfig = hm.workstation().variable("DOCKER_CONFIG").map(Path::of)
                .orElseGet(() -> hm.workstation().home().resolve(".docker"));
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        boolean allDone = true;
        for (var machine : machines) {
            var name = contextName != null ? contextName : machine.name();
            try {
                var notAfter = install(client, dockerConfig, machine, name);
                out.println("Context \"" + name + "\" points at " + machine.dockerUrl() + " with a certificate valid "
                        + "until " + notAfter + ": docker --context " + name + " ps");
            } catch (HmException failure) {
                if (failure instanceof ServerRefusal refusal && refusal.status() == 401) {
                    throw refusal;
                }
                err.println(machine.name() + ": " + failure.getMessage());
                allDone = false;
            }
        }
        if (machines.isEmpty()) {
            err.println("No machines to make contexts for.");
        }
        out.flush();
        err.flush();
        return allDone ? 0 : 1;
    }

    /** A machine to make a context for. */
    private record Target(String id, String name, String teamName, String dockerUrl) {
    }

    private static List<Target> usable(HarbormasterClient client) {
        return MachineListing.all(client, Map.of(), Duration.ofSeconds(30)).machines().stream()
                .filter(machine -> machine.dockerUrl() != null && !machine.dockerUrl().isBlank())
                .map(machine -> new Target(machine.id().value(), machine.name(), machine.teamName(),
                        machine.dockerUrl()))
                .toList();
    }

    /** Answers until when the context's certificate is valid. */
    private static Instant install(HarbormasterClient client, Path dockerConfig, Target machine, String name) {
        if (!CONTEXT_NAME.matcher(name).matches()) {
            throw new HmException("'" + name + "' cannot name a docker context (docker wants two or more of "
                    + "a-z A-Z 0-9 _ . + -, starting with a letter or digit); choose one with --name");
        }
        if (machine.dockerUrl() == null || machine.dockerUrl().isBlank()) {
            throw new HmException("no Docker URL yet; wait until it is Running (hm status " + machine.name() + ")");
        }
        IssuedCertificate issued;
        try {
            issued = client.post("/api/machines/" + HarbormasterClient.segment(machine.id()) + "/client-certificate",
                    null, IssuedCertificate.class);
        } catch (ServerRefusal refusal) {
            if (refusal.status() == 403) {
                throw new HmException("no client certificate for you: " + refusal.getMessage());
            }
            throw refusal;
        }
        var material = new TlsMaterial(issued.caPem(), issued.certPem(), issued.keyPem());
        try {
            DockerContextStore.install(dockerConfig, new DockerContextExport(name, "Harbormaster machine "
                    + machine.name() + (machine.teamName() == null ? "" : " (team " + machine.teamName() + ")"),
                    issued.dockerUrl(), material, Instant.now()));
        } catch (java.io.UncheckedIOException e) {
            throw new HmException(e.getMessage());
        }
        return issued.notAfter();
    }
}
