package io.harbormaster.cli.team;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.completion.Candidates;
import io.harbormaster.cli.machine.MachineResolver;
import io.harbormaster.cli.machine.MachineView;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm unshare}: takes back a share. */
@Command(name = "unshare", mixinStandardHelpOptions = true,
        description = {"Take back a machine's share with a user or a team",
                "",
                "hm inspect NAME shows whom a machine is shared with. Members of the machine's own team keep their "
                        + "access; only a team owner or the machine's holder may unshare."},
        footer = {"", "Examples:", "  hm unshare web-1 --user bob", "  hm unshare web-1 --team qa"})
public class UnshareCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Machines.class,
            description = "The machine (TEAM/NAME when the name is in two of your teams)")
    private String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Grantee grantee;

    @Override
    public void run() {
        var client = hm.connect();
        var machine = MachineResolver.resolve(client, name);
        var share = find(machine, grantee.reference());
        var whom = grantee.describe(share.granteeName() == null ? share.grantee().id() : share.granteeName());
        try {
            client.delete("/api/machines/" + HarbormasterClient.segment(machine.id()) + "/shares/"
                    + grantee.kind() + "/" + HarbormasterClient.segment(share.grantee().id()), Map.of(), Void.class);
        } catch (ServerRefusal refusal) {
            throw Refusals.explain("Cannot unshare " + machine.name() + " with " + whom, refusal);
        }
        var out = spec.commandLine().getOut();
        out.println("Unshared " + machine.name() + " with " + whom + ".");
        out.flush();
    }

    /** The machine's share with the grantee, by name or id; the machine's detail names its grantees. */
    private MachineView.Share find(MachineView machine, String reference) {
        var ofKind = machine.shares().stream()
                .filter(share -> share.grantee() != null && grantee.kind().equalsIgnoreCase(share.grantee().kind()))
                .toList();
        return Directory.pick(ofKind, reference, MachineView.Share::granteeName, share -> share.grantee().id())
                .orElseThrow(() -> new HmException(machine.name() + " is not shared with "
                        + grantee.describe(reference) + "; " + (machine.shares().isEmpty() ? "it is shared with no one."
                        : "it is shared with " + machine.shares().stream()
                                .map(share -> share.grantee().kind().toLowerCase(Locale.ROOT) + " "
                                        + Table.printable(share.granteeName() == null ? share.grantee().id()
                                                : share.granteeName())
                                        + (share.role() == null ? "" : " (" + share.role().toLowerCase(Locale.ROOT) + ")"))
                                .collect(Collectors.joining(", ")) + ".")));
    }
}
