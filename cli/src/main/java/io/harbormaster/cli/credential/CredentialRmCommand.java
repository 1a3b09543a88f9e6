package io.harbormaster.cli.credential;

import io.harbormaster.cli.completion.Candidates;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import io.harbormaster.cli.team.Refusals;
import io.harbormaster.cli.team.Table;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm credentials rm}: removes a credential no machine uses, destroying its keys. */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = {"Remove a cloud credential and destroy its keys (team owners)", "",
                "Refused while machines of the team use it; the refusal names them."},
        footer = {"", "Examples:", "  hm credentials rm aws-dev", "  hm credentials rm aws-dev --team platform"})
public class CredentialRmCommand implements Runnable {

    @ParentCommand
    private CredentialsCommand credentials;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential")
    private String name;

    @Option(names = "--team", paramLabel = "TEAM", completionCandidates = Candidates.Teams.class,
            description = "The team, by name or id (default: your team, when you are in only one)")
    private String team;

    @Override
    public void run() {
        var client = credentials.hm().connect();
        var chosen = CredentialsCommand.team(client, team);
        try {
            client.delete(CredentialsCommand.path(chosen) + "/" + HarbormasterClient.segment(name.strip()), Map.of(),
                    Void.class);
        } catch (ServerRefusal refusal) {
            throw Refusals.explain("Cannot remove credential '" + Table.printable(name.strip()) + "' of team "
                    + Table.printable(chosen.name()), refusal);
        }
        var err = spec.commandLine().getErr();
        err.println("Removed credential '" + Table.printable(name.strip()) + "' of team "
                + Table.printable(chosen.name()) + "; its keys are destroyed.");
        err.flush();
    }
}
