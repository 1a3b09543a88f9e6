package io.harbormaster.cli.credential;

import io.harbormaster.cli.completion.Candidates;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import io.harbormaster.cli.team.Refusals;
import io.harbormaster.cli.team.Table;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
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

    @Option(names = "--access-key-id", paramLabel = "ID", required = true, description = "The new access key id")
    private String accessKeyId;

    @Option(names = "--secret-access-key-stdin", description = "Read the secret access key from standard input")
    private boolean secretFromStdin;

    @Option(names = "--session-token-stdin",
            description = "Read a session token (temporary credentials) from standard input, after the secret")
    private boolean sessionTokenFromStdin;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "A new IAM role to assume (default: keep)")
    private String roleArn;

    @Option(names = "--region", paramLabel = "REGION", description = "A new default region (default: keep)")
    private String region;

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
        body.put("accessKeyId", accessKeyId.strip());
        body.put("secretAccessKey", input.secretAccessKey(secretFromStdin));
        body.put("sessionToken", input.sessionToken(sessionTokenFromStdin));
        body.put("roleArn", roleArn);
        body.put("region", region);
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
