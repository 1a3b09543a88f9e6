package io.harbormaster.cli.team;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.completion.Candidates;
import io.harbormaster.cli.machine.MachineResolver;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm history}: what happened to one machine, by whom and through which door, oldest first like a log. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Show a machine's history: what happened, who did it and how", "",
                "Oldest first, so the newest entry is the last line; times are ISO-8601 in UTC. VIA is how it "
                        + "came: cli, ui, api, reconciler (the server noticing) or system."},
        footer = {"", "Examples:", "  hm history web-1", "  hm history web-1 --limit 20     # the 20 newest entries",
                "  hm history web-1 --format json | jq -r '.[].summary'"})
public class HistoryCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Machines.class,
            description = "The machine (TEAM/NAME when the name is in two of your teams)")
    private String name;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "0",
            description = "Only the N newest entries (default: all)")
    private int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = Candidates.TableFormats.class, description = Output.TABLE_OR_JSON)
    private String format;

    @Override
    public void run() {
        var output = Output.format(format, Output.Format.TABLE, Output.Format.JSON);
        if (limit < 0) {
            throw new HmException("--limit must be 0 (all) or more; got " + limit);
        }
        var client = hm.connect();
        var machine = MachineResolver.resolve(client, name);
        AuditReader.Entries entries;
        try {
            entries = AuditReader.newest(client, "/api/machines/" + HarbormasterClient.segment(machine.id())
                    + "/history", Map.of(), limit);
        } catch (ServerRefusal refusal) {
            throw Refusals.explain("Cannot read the history of " + machine.name(), refusal);
        }
        var out = spec.commandLine().getOut();
        if (output == Output.Format.JSON) {
            Output.json(out, entries.oldestFirst());
            return;
        }
        var table = new Table("WHEN", "WHO", "VIA", "WHAT");
        for (var entry : entries.oldestFirst()) {
            table.row(Timeline.when(entry.occurredAt()), Timeline.who(entry), Timeline.via(entry),
                    Timeline.what(entry));
        }
        Output.table(out, table);
    }
}
