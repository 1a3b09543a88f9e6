package io.harbormaster.cli.credential;

import io.harbormaster.cli.completion.Candidates;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import io.harbormaster.cli.team.Refusals;
import io.harbormaster.cli.team.Table;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm credentials rotate}: new keys for a credential; machines use them from their next operation on. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Replace a credential's keys (team owners)", "",
                "The new keys become a new version in the secret store; drivers read them from their next call on. "
                        + "The role and region stay unless given. The secret is read as for hm credentials add."},
        footer = {"", "Examples:", "  hm credentials rotate aws-prod --access-key-id AKIAI44QH8DHBEXAMPLE",
                "  printf '%s\\n' \"$NEW_SECRET\" | hm credentials rotate aws-prod --access-key-id \"$NEW_ID\" "
                        + "--secret-access-key-stdin"})
public class CredentialRotateCommand implements Runnable {

    @ParentCommand
    private CredentialsCommand credentials;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential")
    private String name;

    @Mixin
    private AwsKeyOptions keys = new AwsKeyOptions();

    @Option(names = "--team", paramLabel = "TEAM", completionCandidates = Candidates.Teams.class,
            description = "The team, by name or id (default: your team, when you are in only one)")
    private String team;

    @Override
    public void run() {
        var hm = credentials.hm();
        var client = hm.connect();
        var chosen = CredentialsCommand.team(client, team);
        var input = new SecretInput(hm.workstation(), spec.commandLine().getErr());
        var body = new LinkedHashMap<String, Object>();
        keys.putInto(body, input);
        StoredCredential stored;
        try {
            stored = client.post(CredentialsCommand.path(chosen) + "/" + HarbormasterClient.segment(name.strip())
                    + "/rotate", body, StoredCredential.class);
        } catch (ServerRefusal refusal) {
            throw Refusals.explain("Cannot rotate credential '" + Table.printable(name.strip()) + "' of team "
                    + Table.printable(chosen.name()), refusal);
        }
        var err = spec.commandLine().getErr();
        err.println("Rotated credential '" + stored.name() + "' of team " + Table.printable(chosen.name())
                + ": access key …" + stored.accessKeyIdLast4() + ", version " + stored.version() + ".");
        err.flush();
    }
}
