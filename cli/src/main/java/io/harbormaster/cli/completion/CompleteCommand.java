package io.harbormaster.cli.completion;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.team.Directory;
import io.harbormaster.cli.team.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hm __complete KIND}: the names the completion scripts offer, one a line; hidden, for the scripts only.
 * A failure prints nothing and exits 1: a completion never prints errors into the command line being typed.
 */
@Command(name = "__complete", hidden = true, description = "Names for shell completion: machines, teams, users or drivers")
public class CompleteCommand implements Callable<Integer> {

    private static final int PAGE_SIZE = 500;
    private static final int MAX_PAGES = 20;

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND")
    private String kind;

    /** The part of the machine list the names need. */
    record MachineName(String name, String teamName) {
    }

    record MachinePage(List<MachineName> items, long total) {
    }

    @Override
    public Integer call() {
        List<String> names;
        try {
            var client = hm.connect();
            names = switch (kind) {
                case "machines" -> machines(client);
                case "teams" -> new Directory(client).teams().stream().map(Wire.TeamSummary::name).toList();
                case "users" -> new Directory(client).users().stream().map(Wire.User::username).toList();
                case "drivers" -> io.harbormaster.cli.driver.DriverCatalog.of(client).list().drivers().stream()
                        .map(io.harbormaster.api.driver.DriverList.Driver::name).sorted().toList();
                default -> List.of();
            };
        } catch (RuntimeException e) {
            return 1;
        }
        var out = spec.commandLine().getOut();
        names.stream().filter(name -> name != null && name.codePoints().noneMatch(Character::isISOControl)
                && !name.isBlank()).forEach(out::println);
        out.flush();
        return 0;
    }

    /** Every machine's name; TEAM/NAME for a name in two teams, as hm's verbs take it then. */
    private static List<String> machines(HarbormasterClient client) {
        var machines = new ArrayList<MachineName>();
        for (int page = 0; page < MAX_PAGES; page++) {
            var answer = client.get("/api/machines", Map.of("page", Integer.toString(page), "size",
                    Integer.toString(PAGE_SIZE)), MachinePage.class);
            machines.addAll(answer.items());
            if (answer.items().isEmpty() || machines.size() >= answer.total()) {
                break;
            }
        }
        var teamsPerName = machines.stream().collect(Collectors.groupingBy(MachineName::name, Collectors.counting()));
        Function<MachineName, String> shown = machine -> teamsPerName.get(machine.name()) > 1
                && machine.teamName() != null ? machine.teamName() + "/" + machine.name() : machine.name();
        return machines.stream().filter(machine -> machine.name() != null).map(shown).distinct().toList();
    }
}
