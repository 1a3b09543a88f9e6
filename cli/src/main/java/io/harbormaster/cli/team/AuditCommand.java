package io.harbormaster.cli.team;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.completion.Candidates;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm audit}: a team's audit log, as a table for people or the server's CSV or JSON export for programs. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Show a team's audit log: who did what, when and how",
                "",
                "The table shows the newest entries (--limit), oldest first, times in UTC. csv and json are the "
                        + "server's export, streamed: every matching entry (up to the server's limit), newest first, "
                        + "with every field. --since and --until take a time ago (24h, 7d; s, m, h, d, w), a date "
                        + "(2026-01-31) or a date and time (2026-01-31T12:00:00Z); times without an offset are UTC. "
                        + "The range includes --since and excludes --until."},
        footer = {"", "Examples:", "  hm audit --since 24h",
                "  hm audit --team qa --actor bob --action MachineHandedOff",
                "  hm audit --since 2026-01-01 --until 2026-02-01 --format csv > january.csv"})
public class AuditCommand implements Runnable {

    static final int DEFAULT_LIMIT = 100;

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Option(names = "--team", paramLabel = "TEAM", completionCandidates = Candidates.Teams.class,
            description = "The team, by name or id (default: your team, when you are in only one)")
    private String team;

    @Option(names = "--since", paramLabel = "WHEN", description = "Entries from this time on")
    private String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Entries before this time")
    private String until;

    @Option(names = "--action", paramLabel = "ACTION",
            description = "Only this action, an event name such as MachineHandedOff or MachineShared")
    private String action;

    @Option(names = "--actor", paramLabel = "USER", completionCandidates = Candidates.Users.class,
            description = "Only what this user did (username or id)")
    private String actor;

    @Option(names = "--via", paramLabel = "CHANNEL", completionCandidates = Candidates.Channels.class,
            description = "Only what came through api, ui, cli, reconciler or system")
    private String via;

    @Option(names = {"-n", "--limit"}, paramLabel = "N",
            description = "The table's N newest entries (default: " + DEFAULT_LIMIT + "; 0: all)")
    private Integer limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = Candidates.AuditFormats.class,
            description = "table (default), csv or json (the server's export)")
    private String format;

    @Override
    public void run() {
        var output = Output.format(format, Output.Format.TABLE, Output.Format.CSV, Output.Format.JSON);
        if (limit != null && output != Output.Format.TABLE) {
            throw new HmException("--limit is for the table; csv and json export every matching entry (narrow them "
                    + "with --since and --until).");
        }
        if (limit != null && limit < 0) {
            throw new HmException("--limit must be 0 (all) or more; got " + limit);
        }
        var now = Instant.now();
        var from = since == null ? null : TimeBound.parse("--since", since, now);
        var to = until == null ? null : TimeBound.parse("--until", until, now);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new HmException("--since must be before --until; got " + Timeline.when(from) + " and "
                    + Timeline.when(to) + ".");
        }
        var query = new LinkedHashMap<String, String>();
        query.put("actor", blankToNull(actor));
        query.put("channel", via == null ? null : via.strip().toLowerCase(Locale.ROOT));
        query.put("action", blankToNull(action));
        query.put("from", from == null ? null : from.toString());
        query.put("to", to == null ? null : to.toString());

        var client = hm.connect();
        var chosen = new Directory(client).teamOrOnlyOne(team);
        var path = "/api/teams/" + HarbormasterClient.segment(chosen.id()) + "/audit";
        var failed = "Cannot read the audit log of team " + Table.printable(chosen.name());
        var out = spec.commandLine().getOut();
        if (output != Output.Format.TABLE) {
            var export = new LinkedHashMap<String, String>();
            export.put("format", output.word());
            export.putAll(query);
            try {
                // streamed: an export may hold a hundred thousand entries
                client.download(path + "/export", export, output == Output.Format.CSV ? "text/csv" : "application/json",
                        out);
            } catch (ServerRefusal refusal) {
                throw Refusals.explain(failed, refusal);
            }
            return;
        }
        int wanted = limit == null ? DEFAULT_LIMIT : limit;
        AuditReader.Entries entries;
        try {
            entries = AuditReader.newest(client, path, query, wanted);
        } catch (ServerRefusal refusal) {
            throw Refusals.explain(failed, refusal);
        }
        var table = new Table("WHEN", "WHO", "VIA", "ACTION", "SUBJECT", "WHAT");
        for (var entry : entries.oldestFirst()) {
            table.row(Timeline.when(entry.occurredAt()), Timeline.who(entry), Timeline.via(entry), entry.action(),
                    entry.subject(), Timeline.what(entry));
        }
        Output.table(out, table);
        if (entries.total() > entries.newestFirst().size()) {
            var err = spec.commandLine().getErr();
            err.println("Showed the newest " + entries.newestFirst().size() + " of " + entries.total()
                    + " entries; --limit N shows more (0: all), --since narrows, --format csv exports them all.");
            err.flush();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
