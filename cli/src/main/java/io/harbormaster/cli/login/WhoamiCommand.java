package io.harbormaster.cli.login;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm whoami}: who the server takes this workstation for, how, and in which teams. */
@Command(name = "whoami", mixinStandardHelpOptions = true,
        description = "Show who you are logged in as, on which server, and your teams",
        footer = {"", "Examples:", "  hm whoami", "  hm whoami --format json"})
public class WhoamiCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json")
    private String format = "text";

    @Override
    public void run() {
        var client = hm.connect();
        var me = client.get("/api/me", Map.of(), Me.class);
        var out = spec.commandLine().getOut();
        switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> out.println(client.json().writerWithDefaultPrettyPrinter().writeValueAsString(me));
            case "text" -> {
                out.println(me.username() + (me.displayName() == null || me.displayName().isBlank()
                        || me.displayName().equals(me.username()) ? "" : " (" + me.displayName() + ")")
                        + (me.platformAdmin() ? ", platform admin" : ""));
                out.println("server: " + client.server());
                out.println("signed in with: " + (me.token() == null ? me.authenticatedBy()
                        : "token '" + me.token().name() + "' (expires " + me.token().expiresAt() + ")"));
                out.println("teams: " + (me.teams().isEmpty() ? "none" : me.teams().stream()
                        .map(team -> team.name() + " (" + team.role().toLowerCase(Locale.ROOT) + ")")
                        .collect(Collectors.joining(", "))));
            }
            default -> throw new HmException("Unknown format '" + format + "': use text or json.", 1);
        }
        out.flush();
    }
}
