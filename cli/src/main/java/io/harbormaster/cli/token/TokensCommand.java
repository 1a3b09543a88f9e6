package io.harbormaster.cli.token;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.completion.Candidates;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.team.Output;
import io.harbormaster.cli.team.Table;
import io.harbormaster.cli.team.Timeline;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm tokens}: the caller's personal API tokens; {@code create} and {@code revoke} below it. */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = {"List, create and revoke your personal API tokens", "",
                "The list never shows a token's secret. A token signs in scripts and CI jobs as you: set "
                        + "HM_TOKEN, or pass it to hm login --token. hm login keeps one per workstation."},
        subcommands = {TokenCreateCommand.class, TokenRevokeCommand.class},
        footer = {"", "Examples:", "  hm tokens", "  hm tokens create ci-deploy --expires-in-days 7",
                "  hm tokens revoke 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b"})
public class TokensCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = Candidates.TableFormats.class, description = Output.TABLE_OR_JSON)
    private String format;

    @Override
    public void run() {
        var output = Output.format(format, Output.Format.TABLE, Output.Format.JSON);
        var tokens = list(hm.connect());
        var out = spec.commandLine().getOut();
        if (output == Output.Format.JSON) {
            Output.json(out, tokens);
            return;
        }
        var now = Instant.now();
        var table = new Table("ID", "NAME", "CREATED", "EXPIRES", "LAST USED", "STATE");
        for (var token : tokens) {
            table.row(token.tokenId(), token.name(), Timeline.when(token.createdAt()), Timeline.when(token.expiresAt()),
                    token.lastUsedAt() == null ? "never" : Timeline.when(token.lastUsedAt()), token.state(now));
        }
        Output.table(out, table);
    }

    HmCommand hm() {
        return hm;
    }

    static List<TokenView> list(HarbormasterClient client) {
        return Arrays.asList(client.get("/api/tokens", Map.of(), TokenView[].class));
    }
}
