package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hm ls}: docker-machine's {@code ls}, for the machines the signed-in user may see on the server.
 *
 * <p><b>How much is read.</b> docker-machine lists every machine, and so does hm wherever the output goes to a
 * program: a pipe or a file, {@code -q}, {@code --format json}, a template without {@code table}, {@code --all}.
 * Those read every page ({@link MachineListing#all}, pages fetched in parallel). Only a table printed for a person at a
 * terminal stops after the first {@value #SCREEN_PAGE} machines, one request (well under half a second, where reading
 * 10,000 machines takes seconds), and says on stderr how many there are and how to see the rest. A table cannot be
 * printed before its widest cell is known, so streaming rows as pages arrive would reshuffle the columns; and
 * nobody reads ten thousand rows on a screen. {@code hm ls -q | xargs …} and {@code hm ls > machines.txt} always see
 * every machine.
 */
@Command(name = "ls", description = "List machines", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  hm ls", "  hm ls --filter state=Running --filter name=^web",
                "  hm ls --team platform --format 'table {{.Name}}\\t{{.Holder}}\\t{{.State}}'",
                "  hm ls --format json | jq -r '.[].Name'", "  hm ls -q | xargs hm stop"})
public class LsCommand implements Runnable {

    /** How many machines a table on a terminal shows unless {@code --all}. */
    static final int SCREEN_PAGE = 100;

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-q", "--quiet"}, description = "Print machine names only (always every machine)")
    private boolean quiet;

    @Option(names = {"-f", "--format"}, paramLabel = "TEMPLATE",
            description = "Pretty-print machines using a Go template, e.g. 'table {{.Name}}\\t{{.Team}}\\t{{.URL}}', "
                    + "or json for a JSON array. Fields: Name, Active, ActiveHost, DriverName, State, URL, Swarm, "
                    + "DockerVersion, Error, ResponseTime, Team, Holder")
    private String format;

    @Option(names = "--filter", paramLabel = "KEY=VALUE",
            description = "Filter output: driver=, state=, name= (a regular expression), label=KEY=VALUE")
    private List<String> filters = new ArrayList<>();

    @Option(names = "--team", paramLabel = "TEAM", description = "Only this team's machines (name or id)")
    private String team;

    @Option(names = {"-a", "--all"}, description = "Every machine, also in a table on a terminal (which otherwise "
            + "shows the first " + SCREEN_PAGE + ")")
    private boolean all;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for each answer of the server, in seconds (default: ${DEFAULT-VALUE})")
    private int timeout;

    @Override
    public void run() {
        var filter = LsFilters.parse(filters, spec);
        // Check the template before asking the server, so a typo fails fast and offline.
        var output = LsFormat.parse(format == null || format.isBlank() ? LsFormat.DEFAULT : format);
        var limit = TimeLimit.seconds(timeout);
        var workstation = hm.workstation();
        var client = hm.connect();
        var query = new LinkedHashMap<String, String>();
        if (team != null && !team.isBlank()) {
            query.put("team", Teams.id(client, team));
        }
        query.putAll(filter.queryParameters());
        boolean screenful = workstation.interactive() && !all && !quiet && output.table()
                && filter.labels().isEmpty();
        var listing = screenful ? MachineListing.firstPage(client, query, SCREEN_PAGE, limit)
                : MachineListing.all(client, query, limit);
        var machines = filter.byLabel(listing.machines());
        var out = spec.commandLine().getOut();
        if (quiet) {
            machines.forEach(machine -> out.println(machine.name()));
        } else {
            var dockerHost = workstation.variable("DOCKER_HOST").map(String::strip).orElse("");
            out.print(output.render(LsRows.of(machines, dockerHost, listing.responseTime())));
        }
        out.flush();
        if (screenful && listing.total() > machines.size()) {
            var err = spec.commandLine().getErr();
            err.println(String.format(Locale.ROOT, "Showing the first %,d of %,d machines: hm ls --all lists every "
                    + "one, --filter or --team narrows the list.", machines.size(), listing.total()));
            err.flush();
        }
    }
}
