package io.harbormaster.cli.machine;

import io.harbormaster.api.machine.MachineSummary;
import io.harbormaster.cli.HmCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm ls}: docker-machine's {@code ls}, for the machines the signed-in user may see on the server. */
@Command(name = "ls", description = "List machines", mixinStandardHelpOptions = true)
public class LsCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-q", "--quiet"}, description = "Print machine names only")
    private boolean quiet;

    @Option(names = {"-f", "--format"}, paramLabel = "TEMPLATE",
            description = "Pretty-print machines using a Go-style template, e.g. '{{.Name}} {{.URL}}'")
    private String format;

    @Option(names = "--filter", paramLabel = "KEY=VALUE",
            description = "Filter output: driver=, state=, name= (a regular expression)")
    private List<String> filters = new ArrayList<>();

    @Override
    public void run() {
        var filter = LsFilters.parse(filters, spec);
        // Check the template before asking the server, so a typo fails fast and offline.
        var output = LsFormat.parse(format == null ? LsFormat.DEFAULT : format);
        List<MachineSummary> machines = MachineListing.all(hm.connect(), filter);
        var out = spec.commandLine().getOut();
        if (quiet) {
            machines.forEach(machine -> out.println(machine.name()));
        } else {
            var text = output.render(machines);
            if (!text.isEmpty()) {
                out.println(text);
            }
        }
        out.flush();
    }
}
