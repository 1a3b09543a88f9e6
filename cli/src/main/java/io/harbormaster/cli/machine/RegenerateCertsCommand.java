package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hm regenerate-certs}: docker-machine's {@code regenerate-certs}. It asks
 * {@code Regenerate TLS machine certs?  Warning: this is irreversible. (y/n): } unless {@code -f}, prints
 * {@code Regenerating TLS certificates}, then has the server make each machine a new server certificate
 * ({@code POST /api/machines/{id}/regenerate-certs}, which answers once they are made) and says until when the new
 * ones are valid. {@code --client-certs} is docker-machine's flag for a new CA as well: here {@code rotateCa}, after
 * which every client certificate issued for the machine stops working (hm fetches a new one on the next
 * {@code hm env}).
 */
@Command(name = "regenerate-certs", mixinStandardHelpOptions = true,
        description = "Regenerate TLS Certificates for a machine",
        footer = {"", "Examples:", "  hm regenerate-certs web-1", "  hm regenerate-certs -f web-1 web-2",
                "  hm regenerate-certs -f --client-certs web-1    # a new CA too"})
public class RegenerateCertsCommand implements Callable<Integer> {

    static final String QUESTION = "Regenerate TLS machine certs?  Warning: this is irreversible.";

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "The machines; default: "
            + MachineResolver.DEFAULT_MACHINE)
    private List<String> names = new ArrayList<>();

    @Option(names = {"-f", "--force"}, description = "Force rebuild and do not prompt")
    private boolean force;

    @Option(names = "--client-certs", description = "Also regenerate client certificates and CA.")
    private boolean clientCerts;

    /** The part of the server's answer hm shows. */
    record Certificates(boolean caRotated, Instant notAfter) {
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (!force && !Confirmation.ask(hm.workstation(), out, QUESTION, "hm regenerate-certs asks before replacing "
                + "certificates; without a terminal to ask on, pass -f (nothing was changed)")) {
            return 0;
        }
        out.println("Regenerating TLS certificates");
        if (clientCerts) {
            out.println("Regenerating local certificates");
        }
        out.flush();
        var client = hm.connect();
        var machines = MachineResolver.resolveAll(client, names);
        boolean allDone = true;
        for (var machine : machines) {
            try {
                var answer = client.post("/api/machines/" + HarbormasterClient.segment(machine.id())
                                + "/regenerate-certs", Map.of(), clientCerts ? Map.of("rotateCa", true) : null,
                        Map.of(), Certificates.class);
                // docker-machine answers once dockerd runs with them; the server answers once they are made
                var failure = CertificateInstallation.installsOn(machine)
                        ? CertificateInstallation.await(client, machine, machine.updatedAt())
                        : java.util.Optional.<String>empty();
                if (failure.isPresent()) {
                    err.println("Machine " + Operation.quoted(machine.name()) + " has new certificates, but "
                            + "installing them on the host failed (" + failure.get() + "); fix the host and run "
                            + "hm regenerate-certs -f " + machine.name() + " again.");
                    allDone = false;
                    continue;
                }
                out.println("Machine " + Operation.quoted(machine.name()) + " has new certificates"
                        + (answer != null && answer.caRotated() ? " and a new CA" : "")
                        + (answer != null && answer.notAfter() != null ? ", valid until " + answer.notAfter() : "")
                        + ".");
            } catch (ServerRefusal refusal) {
                if (refusal.status() == 401) {
                    throw refusal;
                }
                err.println(refusal.getMessage());
                allDone = false;
            } catch (HmException failure) {
                err.println(failure.getMessage());
                allDone = false;
            }
        }
        out.flush();
        err.flush();
        return allDone ? 0 : 1;
    }
}
