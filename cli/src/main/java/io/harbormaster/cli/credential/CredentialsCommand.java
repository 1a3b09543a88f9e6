package io.harbormaster.cli.credential;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.completion.Candidates;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import io.harbormaster.cli.team.Directory;
import io.harbormaster.cli.team.Output;
import io.harbormaster.cli.team.Refusals;
import io.harbormaster.cli.team.Table;
import io.harbormaster.cli.team.Timeline;
import io.harbormaster.cli.team.Wire;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm credentials}: a team's cloud credentials; {@code add}, {@code rotate} and {@code rm} below it. */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = {"List, add, rotate and remove your team's cloud credentials", "",
                "A machine uses one by name: hm create -d amazonec2 --amazonec2-credential NAME. The list never "
                        + "shows a secret, only the access key id's last four characters. Anyone in the team may "
                        + "list them; owners add, rotate and remove them."},
        subcommands = {CredentialAddCommand.class, CredentialRotateCommand.class, CredentialRmCommand.class},
        footer = {"", "Examples:", "  hm credentials", "  hm credentials --team platform --format json",
                "  hm credentials add aws-prod --access-key-id AKIAIOSFODNN7EXAMPLE --region eu-central-1",
                "  printf '%s\\n' \"$AWS_SECRET_ACCESS_KEY\" | hm credentials rotate aws-prod "
                        + "--access-key-id \"$AWS_ACCESS_KEY_ID\" --secret-access-key-stdin",
                "  hm credentials rm aws-prod"})
public class CredentialsCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Option(names = "--team", paramLabel = "TEAM", completionCandidates = Candidates.Teams.class,
            description = "The team, by name or id (default: your team, when you are in only one)")
    private String team;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = Candidates.TableFormats.class, description = Output.TABLE_OR_JSON)
    private String format;

    @Override
    public void run() {
        var output = Output.format(format, Output.Format.TABLE, Output.Format.JSON);
        var client = hm.connect();
        var chosen = team(client, team);
        CredentialView.Page page;
        try {
            page = client.get(path(chosen), Map.of(), CredentialView.Page.class);
        } catch (ServerRefusal refusal) {
            throw Refusals.explain("Cannot list the credentials of team " + Table.printable(chosen.name()), refusal);
        }
        var out = spec.commandLine().getOut();
        if (output == Output.Format.JSON) {
            Output.json(out, page.credentials());
            return;
        }
        var table = new Table("NAME", "TYPE", "ACCESS KEY", "REGION", "ROLE", "CREATED", "ROTATED", "MACHINES");
        for (var credential : page.credentials()) {
            table.row(credential.name(), credential.type(), "…" + credential.accessKeyIdLast4(),
                    orEmpty(credential.region()), orEmpty(credential.roleArn()), Timeline.when(credential.createdAt()),
                    credential.rotatedAt() == null ? "never" : Timeline.when(credential.rotatedAt()),
                    String.join(",", credential.machines()));
        }
        Output.table(out, table);
    }

    HmCommand hm() {
        return hm;
    }

    /** The team by name or id, or the caller's only team. */
    static Wire.TeamSummary team(HarbormasterClient client, String reference) {
        return new Directory(client).teamOrOnlyOne(reference);
    }

    static String path(Wire.TeamSummary team) {
        return "/api/teams/" + HarbormasterClient.segment(team.id()) + "/credentials";
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
