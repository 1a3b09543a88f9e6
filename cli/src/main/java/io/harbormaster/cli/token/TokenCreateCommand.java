package io.harbormaster.cli.token;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.ServerRefusal;
import io.harbormaster.cli.team.Refusals;
import io.harbormaster.cli.team.Table;
import io.harbormaster.cli.team.Timeline;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm tokens create}: a new personal API token, printed once. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a personal API token and print it, once", "",
                "Only the token goes to standard output, so it can be captured; what it is and until when it is "
                        + "valid go to standard error. The server keeps only its hash: store it now."},
        footer = {"", "Examples:", "  hm tokens create ci-deploy --expires-in-days 7",
                "  TOKEN=$(hm tokens create nightly-build)   # then HM_TOKEN=$TOKEN in the job"})
public class TokenCreateCommand implements Runnable {

    @ParentCommand
    private TokensCommand tokens;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "What the token is for, 1 to 64 characters")
    private String name;

    @Option(names = "--expires-in-days", paramLabel = "DAYS", defaultValue = "30",
            description = "How long it lasts, 1 to 365 days (default: ${DEFAULT-VALUE})")
    private int expiresInDays;

    @Override
    public void run() {
        if (expiresInDays < 1 || expiresInDays > 365) {
            throw new HmException("--expires-in-days must be 1 to 365; got " + expiresInDays);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name.strip());
        body.put("expiresInDays", expiresInDays);
        IssuedToken issued;
        try {
            issued = tokens.hm().connect().post("/api/tokens", body, IssuedToken.class);
        } catch (ServerRefusal refusal) {
            throw Refusals.explain("Cannot create token '" + Table.printable(name.strip()) + "'", refusal);
        }
        if (issued == null || issued.token() == null || issued.token().isBlank()) {
            throw new HmException("The server created no token; nothing to show. Are hm and the server the same "
                    + "version? (hm version)");
        }
        var out = spec.commandLine().getOut();
        out.println(issued.token());
        out.flush();
        var err = spec.commandLine().getErr();
        err.println("Created token '" + Table.printable(issued.name()) + "' (id " + issued.tokenId() + "), valid "
                + "until " + Timeline.when(issued.expiresAt()) + ". This is the only time it is shown: store it now "
                + "(e.g. as HM_TOKEN in your CI's secrets). Revoke it with: hm tokens revoke " + issued.tokenId());
        err.flush();
    }
}
