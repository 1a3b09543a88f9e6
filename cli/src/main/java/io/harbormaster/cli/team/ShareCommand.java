package io.harbormaster.cli.team;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.completion.Candidates;
import io.harbormaster.cli.machine.MachineResolver;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.util.LinkedHashMap;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm share}: lets a user or another team see, or also use, a machine. */
@Command(name = "share", mixinStandardHelpOptions = true,
        description = {"Share a machine with a user or another team",
                "",
                "A viewer sees the machine, its state and history; a member may also use it (hm env, docker) and "
                        + "start, stop or restart it. Sharing again with another role changes the role. Only a team "
                        + "owner or the machine's holder may share it."},
        footer = {"", "Examples:", "  hm share web-1 --user bob                # bob may see web-1",
                "  hm share web-1 --user bob --role member  # and use it",
                "  hm share web-1 --team qa --role member"})
public class ShareCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Machines.class,
            description = "The machine (TEAM/NAME when the name is in two of your teams)")
    private String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Grantee grantee;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "viewer",
            completionCandidates = Candidates.ShareRoles.class,
            description = "viewer (default: may see it) or member (may also use and operate it)")
    private String role;

    @Override
    public void run() {
        var shareRole = role.strip().toUpperCase(Locale.ROOT);
        if (!shareRole.equals("VIEWER") && !shareRole.equals("MEMBER")) {
            throw new HmException("Unknown role '" + Table.printable(role.strip()) + "': use viewer or member.");
        }
        var client = hm.connect();
        var machine = MachineResolver.resolve(client, name);
        var directory = new Directory(client);
        String granteeId;
        String granteeName;
        if (grantee.kind().equals("USER")) {
            var user = directory.findUser(grantee.reference());
            granteeId = user.id();
            granteeName = user.username();
        } else {
            var team = team(directory, grantee.reference());
            granteeId = team.id();
            granteeName = team.name();
            if (granteeId.equalsIgnoreCase(machine.teamId())) {
                throw new HmException(machine.name() + " belongs to team " + Table.printable(granteeName)
                        + ", whose members have access anyway; share it with another team or a user.");
            }
        }
        var body = new LinkedHashMap<String, Object>();
        var whomId = new LinkedHashMap<String, String>();
        whomId.put("kind", grantee.kind());
        whomId.put("id", granteeId);
        body.put("grantee", whomId);
        body.put("role", shareRole);
        var whom = grantee.describe(granteeName);
        try {
            client.post("/api/machines/" + HarbormasterClient.segment(machine.id()) + "/shares", body, Void.class);
        } catch (ServerRefusal refusal) {
            throw Refusals.explain("Cannot share " + machine.name() + " with " + whom, refusal);
        }
        var out = spec.commandLine().getOut();
        out.println("Shared " + machine.name() + " with " + whom + " as " + shareRole.toLowerCase(Locale.ROOT)
                + (shareRole.equals("VIEWER") ? " (may see it; --role member to let them use it)." : "."));
        out.flush();
    }

    /** A team by name among the caller's, or by id (a team they are not in cannot be listed by name). */
    private static Wire.TeamSummary team(Directory directory, String reference) {
        try {
            return directory.findTeam(reference);
        } catch (HmException notListed) {
            if (Directory.isId(reference)) {
                return new Wire.TeamSummary(reference.toLowerCase(Locale.ROOT), reference, 0, null);
            }
            if (notListed instanceof ServerRefusal) {
                throw notListed;
            }
            throw new HmException(notListed.getMessage().replace("Check the name with: hm teams",
                    "To share with a team you are not in, give its id."));
        }
    }
}
