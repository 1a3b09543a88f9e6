package io.harbormaster.cli.credential;

import io.harbormaster.cli.completion.Candidates;
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

/** {@code hm credentials add}: a named cloud credential for the team; the secret from stdin or a hidden prompt. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add a cloud credential to the team (team owners)", "",
                "The secret access key is asked for without echo, or read from standard input with "
                        + "--secret-access-key-stdin (then a session token from the next line with "
                        + "--session-token-stdin). It is never a command-line argument, so it stays out of your "
                        + "shell's history. It goes to the platform's secret store and is never shown again."},
        footer = {"", "Examples:", "  hm credentials add aws-prod --access-key-id AKIAIOSFODNN7EXAMPLE --region eu-central-1",
                "  printf '%s\\n%s\\n' \"$AWS_SECRET_ACCESS_KEY\" \"$AWS_SESSION_TOKEN\" | hm credentials add ci-temp \\",
                "      --access-key-id \"$AWS_ACCESS_KEY_ID\" --secret-access-key-stdin --session-token-stdin",
                "  hm credentials add aws-assume --access-key-id AKIAIOSFODNN7EXAMPLE \\",
                "      --role-arn arn:aws:iam::123456789012:role/harbormaster"})
public class CredentialAddCommand implements Runnable {

    @ParentCommand
    private CredentialsCommand credentials;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Unique in the team: letters, digits, '.', '_', '-'")
    private String name;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "aws",
            description = "The cloud: aws (default: ${DEFAULT-VALUE}; the only one today)")
    private String type;

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
        body.put("name", name.strip());
        body.put("type", type.strip());
        keys.putInto(body, input);
        StoredCredential stored;
        try {
            stored = client.post(CredentialsCommand.path(chosen), body, StoredCredential.class);
        } catch (ServerRefusal refusal) {
            throw Refusals.explain("Cannot add credential '" + Table.printable(name.strip()) + "' to team "
                    + Table.printable(chosen.name()), refusal);
        }
        var err = spec.commandLine().getErr();
        err.println("Added " + stored.type() + " credential '" + stored.name() + "' (access key …"
                + stored.accessKeyIdLast4() + ") to team " + Table.printable(chosen.name()) + ". Machines use it "
                + "with --amazonec2-credential " + stored.name() + ".");
        err.flush();
    }
}
