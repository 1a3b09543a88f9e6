package io.harbormaster.cli.token;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.config.LoginStore;
import io.harbormaster.cli.config.StoredLogin;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import io.harbormaster.cli.team.Refusals;
import io.harbormaster.cli.team.Table;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm tokens revoke}: ends one of the caller's tokens, by id or by name. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke one of your personal API tokens", "",
                "Whatever signs in with it is refused from then on. "
                        + "Name it by id (hm tokens lists them) or by name when no other live token has that name."},
        footer = {"", "Examples:", "  hm tokens revoke 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b",
                "  hm tokens revoke ci-deploy"})
public class TokenRevokeCommand implements Runnable {

    @ParentCommand
    private TokensCommand tokens;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The token's id, or its name")
    private String reference;

    @Override
    public void run() {
        var hm = tokens.hm();
        var client = hm.connect();
        var token = find(client, reference.strip());
        try {
            client.delete("/api/tokens/" + HarbormasterClient.segment(token.tokenId()), Map.of(), Void.class);
        } catch (ServerRefusal refusal) {
            throw Refusals.explain("Cannot revoke token " + Table.printable(reference.strip()), refusal);
        }
        var out = spec.commandLine().getOut();
        out.println("Revoked token '" + Table.printable(token.name()) + "' (" + token.tokenId() + ").");
        out.flush();
        var login = new LoginStore(hm.workstation().configDirectory()).load();
        if (login.map(StoredLogin::tokenId).filter(token.tokenId()::equals).isPresent()
                && hm.workstation().variable("HM_TOKEN").isEmpty()) {
            var err = spec.commandLine().getErr();
            err.println("That was this workstation's login; run hm login to sign in again.");
            err.flush();
        }
    }

    private static TokenView find(HarbormasterClient client, String wanted) {
        var all = TokensCommand.list(client);
        var byId = all.stream().filter(t -> wanted.equalsIgnoreCase(t.tokenId())).findFirst();
        if (byId.isPresent()) {
            return byId.get();
        }
        var byName = all.stream().filter(t -> !t.revoked() && wanted.equals(t.name())).toList();
        if (byName.size() == 1) {
            return byName.getFirst();
        }
        if (byName.size() > 1) {
            throw new HmException("You have " + byName.size() + " live tokens named '" + Table.printable(wanted)
                    + "'; revoke one by id: " + byName.stream().map(TokenView::tokenId)
                    .collect(Collectors.joining(", ")));
        }
        throw new HmException("You have no token '" + Table.printable(wanted) + "' (by id or name). hm tokens "
                + "lists yours.");
    }
}
