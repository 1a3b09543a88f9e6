package io.harbormaster.cli.team;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.completion.Candidates;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm teams}: the teams the user is in (a platform admin: all), with their role and sizes. */
@Command(name = "teams", mixinStandardHelpOptions = true,
        description = {"List your teams with your role and their members and machines", "",
                "A platform admin sees every team; ROLE is - where they are not a member."},
        footer = {"", "Examples:", "  hm teams", "  hm teams --format json | jq -r '.[].name'"})
public class TeamsCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = Candidates.TableFormats.class, description = Output.TABLE_OR_JSON)
    private String format;

    /** One line of the list; {@code role} is null where the caller is not a member. */
    record TeamLine(String id, String name, String role, int members, long machines, Instant createdAt) {
    }

    @Override
    public void run() {
        var output = Output.format(format, Output.Format.TABLE, Output.Format.JSON);
        var client = hm.connect();
        var directory = new Directory(client);
        var roles = directory.myRoles();
        var lines = new ArrayList<TeamLine>();
        for (var team : directory.teams()) {
            lines.add(new TeamLine(team.id(), team.name(), roles.get(team.id()), team.memberCount(),
                    machines(client, team.id()), team.createdAt()));
        }
        var out = spec.commandLine().getOut();
        if (output == Output.Format.JSON) {
            Output.json(out, lines);
            return;
        }
        var table = new Table("NAME", "ROLE", "MEMBERS", "MACHINES");
        for (var line : lines) {
            table.row(line.name(), line.role() == null ? "-" : line.role().toLowerCase(Locale.ROOT),
                    Integer.toString(line.members()), Long.toString(line.machines()));
        }
        Output.table(out, table);
    }

    /** How many machines of the team the caller can see: the machine list's total, from a one-item page. */
    private static long machines(HarbormasterClient client, String teamId) {
        try {
            return client.get("/api/machines", HarbormasterClient.query("team", teamId, "page", "0", "size", "1"),
                    Wire.Total.class).total();
        } catch (ServerRefusal refusal) {
            throw Refusals.explain("Cannot count the machines of team " + teamId, refusal);
        }
    }
}
