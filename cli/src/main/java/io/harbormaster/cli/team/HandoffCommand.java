package io.harbormaster.cli.team;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.completion.Candidates;
import io.harbormaster.cli.machine.CertificateInstallation;
import io.harbormaster.cli.machine.MachineResolver;
import io.harbormaster.cli.machine.MachineView;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.util.LinkedHashMap;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm handoff}: makes another member of the machine's team its holder. */
@Command(name = "handoff", mixinStandardHelpOptions = true,
        description = {"Hand a machine to another member of its team",
                "",
                "The holder may share, hand off and remove the machine, like a team owner. By default the previous holder loses access: Docker's TLS has no revocation, so the server rotates "
                        + "the machine's CA, and every client certificate issued for it so far stops working (the "
                        + "previous holder's included; everyone else who may still use it gets a new one with their "
                        + "next hm env). --keep-access hands it over without rotating the CA."},
        footer = {"", "Examples:", "  hm handoff web-1 bob                # the old holder's certificates stop working",
                "  hm handoff web-1 bob --keep-access  # they keep working",
                "  hm handoff qa/web-1 bob             # web-1 of team qa"})
public class HandoffCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Machines.class,
            description = "The machine (TEAM/NAME when the name is in two of your teams)")
    private String name;

    @Parameters(index = "1", paramLabel = "USER", completionCandidates = Candidates.Users.class,
            description = "The new holder's username; an OWNER or MEMBER of the machine's team")
    private String user;

    @Option(names = "--keep-access",
            description = "Keep the previous holder's access: do not rotate the machine's CA")
    private boolean keepAccess;

    @Override
    public void run() {
        var client = hm.connect();
        var machine = MachineResolver.resolve(client, name);
        var team = teamOf(client, machine);
        var member = Directory.pick(team.members(), user.strip(), Wire.Member::username, Wire.Member::userId)
                .orElseThrow(() -> new HmException("'" + Table.printable(user.strip()) + "' is not a member of team "
                        + Table.printable(team.name()) + ", and only its members can hold " + machine.name()
                        + ". Its members: " + Directory.names(team.members().stream().map(Wire.Member::username)
                        .toList()) + ". A team owner can add them."));
        if ("VIEWER".equalsIgnoreCase(member.role())) {
            throw new HmException(member.username() + " is only a viewer in team " + Table.printable(team.name())
                    + ", and viewers cannot hold machines. A team owner can make them a member first.");
        }
        var out = spec.commandLine().getOut();
        if (Objects.equals(member.userId(), machine.holder())) {
            out.println(member.username() + " already holds " + machine.name() + "; nothing changed.");
            out.flush();
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("to", member.userId());
        body.put("revokePreviousHolder", !keepAccess);
        try {
            client.post("/api/machines/" + HarbormasterClient.segment(machine.id()) + "/handoff", body, Void.class);
        } catch (ServerRefusal refusal) {
            throw Refusals.explain("Cannot hand " + machine.name() + " to " + member.username(), refusal);
        }
        var previous = machine.holderName() == null || machine.holderName().isBlank() ? "the previous holder"
                : Table.printable(machine.holderName());
        if (!keepAccess && CertificateInstallation.installsOn(machine)) {
            // the daemon trusts the old CA until the new certificates are on the host: say "no longer" only then
            var failure = CertificateInstallation.await(client, machine, machine.updatedAt());
            if (failure.isPresent()) {
                throw new HmException("Handed " + machine.name() + " to " + member.username() + ", but installing its "
                        + "new certificates on the host failed (" + failure.get() + "), so " + previous + "'s client "
                        + "certificates still work there. Fix the host, then run: hm regenerate-certs -f "
                        + machine.name());
            }
        }
        out.println(keepAccess
                ? "Handed " + machine.name() + " from " + previous + " to " + member.username() + "; " + previous
                        + " keeps access (the CA was not rotated)."
                : "Handed " + machine.name() + " from " + previous + " to " + member.username() + "; its CA was "
                        + "rotated, so " + previous + "'s client certificates no longer work.");
        out.flush();
    }

    private static Wire.TeamDetail teamOf(HarbormasterClient client, MachineView machine) {
        try {
            return new Directory(client).team(machine.teamId());
        } catch (ServerRefusal refusal) {
            throw Refusals.explain("Cannot read the members of team " + Table.printable(machine.teamName())
                    + " to find " + "the new holder of " + machine.name(), refusal);
        }
    }
}
