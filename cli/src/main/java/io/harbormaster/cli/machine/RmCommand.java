package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hm rm}: docker-machine's {@code rm}. Its lines: {@code About to remove web-1, web-2}, the warning, then
 * {@code Are you sure? (y/n): } unless {@code -y} or {@code -f}; then each machine in turn,
 * {@code Successfully removed web-1} or {@code Error removing host "web-1": reason}.
 *
 * <p>{@code -f} is {@code DELETE /api/machines/{id}?force=true}: Harbormaster forgets the machine even when its driver
 * fails to remove the host, like docker-machine's {@code -f} removes the local configuration anyway; it also means
 * yes. Unlike docker-machine, whose {@code rm -f} exits 0 whatever happened, hm exits 1 when a machine was not
 * removed: with {@code force} the server removes it regardless of the driver, so a failure left is a real one (no
 * such machine, no right to remove it). Without a terminal and without {@code -y} nothing is removed and hm says so
 * (docker-machine would read an empty answer as no and exit 0).
 */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a machine",
        footer = {"", "Examples:", "  hm rm web-1", "  hm rm -y web-1 web-2          # no question",
                "  hm rm -f web-1                 # even when the host cannot be removed"})
public class RmCommand implements Callable<Integer> {

    static final String WARNING = "WARNING: This action will delete both local reference and remote instance.";

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "The machines (TEAM/NAME when a name is in two "
            + "of your teams)")
    private List<String> names = new ArrayList<>();

    @Option(names = {"-f", "--force"}, description = "Remove the machine from Harbormaster even if its host cannot be "
            + "removed; also implies -y")
    private boolean force;

    @Option(names = "-y", description = "Remove without asking for confirmation")
    private boolean yes;

    @Option(names = "--no-wait", description = "Return once Harbormaster accepted each removal")
    private boolean noWait;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        out.println("About to remove " + String.join(", ", names));
        out.println(WARNING);
        out.flush();
        if (!(yes || force) && !Confirmation.ask(hm.workstation(), out, "Are you sure?", "hm rm asks before "
                + "removing; without a terminal to ask on, pass -y (nothing was removed)")) {
            return 0;
        }
        var client = hm.connect();
        boolean allRemoved = true;
        for (var name : names) {
            try {
                remove(client, name);
            } catch (ServerRefusal refusal) {
                if (refusal.status() == 401) {
                    throw refusal;
                }
                LifecycleVerb.println(err, "Error removing host " + Operation.quoted(name) + ": "
                        + refusal.getMessage());
                allRemoved = false;
            } catch (HmException failure) {
                LifecycleVerb.println(err, "Error removing host " + Operation.quoted(name) + ": "
                        + failure.getMessage());
                allRemoved = false;
            }
        }
        out.flush();
        err.flush();
        return allRemoved ? 0 : 1;
    }

    private void remove(HarbormasterClient client, String name) {
        var out = spec.commandLine().getOut();
        var machine = MachineResolver.resolve(client, name);
        var since = machine.updatedAt();
        var accepted = MachineCommands.send(client, "DELETE", "/api/machines/" + HarbormasterClient.segment(machine.id()),
                HarbormasterClient.query("force", Boolean.toString(force)), null);
        if (noWait) {
            LifecycleVerb.println(out, "The removal of " + Operation.quoted(machine.name())
                    + " was accepted; not waiting for it.");
            return;
        }
        var outcome = MachineEvents.follow(client, machine.id(), "the removal of " + Operation.quoted(name)
                + " finished", entry -> Operation.REMOVE.outcome(entry, accepted.correlationId(), since));
        if (!outcome.success()) {
            throw new RemovalFailed(outcome.reason());
        }
        Operation.REMOVE.completion(name).ifPresent(line -> LifecycleVerb.println(out, line));
    }

    private static final class RemovalFailed extends HmException {

        RemovalFailed(String reason) {
            super(reason);
        }
    }
}
