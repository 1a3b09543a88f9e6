package io.harbormaster.cli.login;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.config.LoginStore;
import io.harbormaster.cli.server.Credential;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerAddress;
import io.harbormaster.cli.server.ServerRefusal;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hm logout}: revokes this workstation's token on the server, then forgets it. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Revoke this workstation's token on the server and forget the login",
        footer = {"", "Example:", "  hm logout"})
public class LogoutCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        var workstation = hm.workstation();
        var store = new LoginStore(workstation.configDirectory());
        var err = spec.commandLine().getErr();
        var login = store.load();
        if (login.isEmpty()) {
            err.println("Not logged in" + (workstation.variable("HM_TOKEN").isPresent()
                    ? " (HM_TOKEN is set in this shell: unset it, hm logout does not revoke it)" : "") + ".");
            err.flush();
            return;
        }
        var stored = login.get();
        var server = ServerAddress.parse(stored.server());
        var client = HarbormasterClient.with(server,
                new Credential.StoredToken(stored.token(), stored.tokenName(), store.file().toString()), workstation);
        try {
            client.delete("/api/tokens/" + HarbormasterClient.segment(stored.tokenId()), Map.of(), Void.class);
            store.delete();
            err.println("Logged out of " + server + ": token '" + stored.tokenName() + "' revoked and forgotten.");
        } catch (ServerRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 404) {
                // expired or revoked already (from the portal, or by an admin): nothing left to revoke
                store.delete();
                err.println("Logged out of " + server + " (token '" + stored.tokenName()
                        + "' was already expired or revoked).");
            } else {
                throw refusal;
            }
        } catch (HmException unreachable) {
            throw new HmException("Could not revoke token '" + stored.tokenName() + "' (" + unreachable.getMessage()
                    + "). The login is kept so you can try again; to forget it anyway, delete " + store.file()
                    + " and revoke the token on the portal's API tokens page.");
        }
        err.flush();
    }
}
