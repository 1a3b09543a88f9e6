package io.harbormaster.cli.team;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.completion.Candidates;
import io.harbormaster.cli.server.ServerRefusal;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm members}: a team's members, their roles and since when. */
@Command(name = "members", mixinStandardHelpOptions = true,
        description = {"List a team's members and their roles", "",
                "Owners manage the team and its machines, members use and operate machines, viewers only look."},
        footer = {"", "Examples:", "  hm members platform", "  hm members                 # your team, when you are in one",
                "  hm members qa --format json | jq -r '.[] | select(.role == \"OWNER\").username'"})
public class MembersCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TEAM", completionCandidates = Candidates.Teams.class,
            description = "The team, by name or id (default: your team, when you are in only one)")
    private String team;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = Candidates.TableFormats.class, description = Output.TABLE_OR_JSON)
    private String format;

    @Override
    public void run() {
        var output = Output.format(format, Output.Format.TABLE, Output.Format.JSON);
        var directory = new Directory(hm.connect());
        var chosen = directory.teamOrOnlyOne(team);
        Wire.TeamDetail detail;
        try {
            detail = directory.team(chosen.id());
        } catch (ServerRefusal refusal) {
            throw Refusals.explain("Cannot list the members of team " + Table.printable(chosen.name()), refusal);
        }
        var out = spec.commandLine().getOut();
        if (output == Output.Format.JSON) {
            Output.json(out, detail.members());
            return;
        }
        var table = new Table("USERNAME", "NAME", "ROLE", "SINCE");
        for (var member : detail.members()) {
            table.row(member.username(), member.displayName(),
                    member.role() == null ? "" : member.role().toLowerCase(Locale.ROOT), Timeline.when(member.since()));
        }
        Output.table(out, table);
    }
}
