package io.harbormaster.cli.driver;

import io.harbormaster.api.driver.DriverList;
import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.completion.Candidates;
import io.harbormaster.cli.team.Output;
import io.harbormaster.cli.team.Table;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hm drivers [DRIVER]}: the server's drivers, and one driver's flags for {@code hm create}, from
 * {@code GET /api/drivers}, so what is listed is exactly what {@code hm create -d DRIVER} takes.
 */
@Command(name = "drivers", mixinStandardHelpOptions = true,
        description = {"List the server's drivers, or one driver's flags for hm create", "",
                "The drivers and their options are the server's: a driver added to the platform is listed here and "
                        + "its flags work with hm create -d DRIVER, with no new hm."},
        footer = {"", "Examples:", "  hm drivers", "  hm drivers amazonec2",
                "  hm drivers amazonec2 --format json | jq -r '.options[].name'"})
public class DriversCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DRIVER", completionCandidates = Candidates.Drivers.class,
            description = "A driver whose flags to list")
    private String driver;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = Candidates.TableFormats.class, description = Output.TABLE_OR_JSON)
    private String format;

    @Override
    public void run() {
        var output = Output.format(format, Output.Format.TABLE, Output.Format.JSON);
        var catalog = DriverCatalog.of(hm.connect());
        var out = spec.commandLine().getOut();
        if (driver == null) {
            if (output == Output.Format.JSON) {
                Output.json(out, catalog.list().drivers());
                return;
            }
            var table = new Table("DRIVER", "PROVISIONS", "OPERATIONS", "OPTIONS");
            catalog.list().drivers().stream().sorted(java.util.Comparator.comparing(DriverList.Driver::name))
                    .forEach(d -> table.row(d.name(), d.provisions() ? "yes" : "no", operations(d),
                            Integer.toString(d.options().size())));
            Output.table(out, table);
            return;
        }
        var described = catalog.driver(driver.strip().toLowerCase(Locale.ROOT), "", 1);
        if (output == Output.Format.JSON) {
            Output.json(out, described);
            return;
        }
        var table = new Table("FLAG", "DEFAULT", "DESCRIPTION");
        for (var option : described.options()) {
            var flag = DriverFlags.flag(described.name(), option.name());
            table.row(DriverFlags.usage(flag, option), option.defaultValue() == null ? "-" : option.defaultValue(),
                    DriverFlags.describe(option).replaceAll(" \\(default: [^)]*\\)$", ""));
        }
        Output.table(out, table);
    }

    /** What hm can do with the driver's machines besides create and rm, in the API's order. */
    private static String operations(DriverList.Driver driver) {
        var names = driver.operations().stream().sorted().map(op -> op.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "-" : names;
    }
}
