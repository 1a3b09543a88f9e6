package io.harbormaster.cli.login;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.config.LoginStore;
import io.harbormaster.cli.config.StoredLogin;
import io.harbormaster.cli.server.Credential;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerAddress;
import io.harbormaster.cli.server.ServerRefusal;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hm login}: signs in once and keeps a personal API token for this workstation, never the password. With a
 * username and password it creates the token itself (named after the workstation); OIDC users create one on the
 * portal's API tokens page and pass it with {@code --token}.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Log in to a Harbormaster server and keep a personal API token for this workstation",
        footer = {"", "Examples:", "  hm login https://harbormaster.example.com",
                "  echo \"$PASSWORD\" | hm login https://harbormaster.example.com -u alice --password-stdin",
                "  hm login https://harbormaster.example.com --token \"$TOKEN\"   # e.g. from the portal's API tokens page"})
public class LoginCommand implements Runnable {

    static final int MAX_TOKEN_NAME = 64;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "URL",
            description = "The server, e.g. https://harbormaster.example.com (default: $HM_URL, else the last login)")
    private String url;

    @Option(names = {"-u", "--username"}, paramLabel = "NAME", description = "Username (asked when not given)")
    private String username;

    @Option(names = "--password-stdin", description = "Read the password from standard input (for scripts)")
    private boolean passwordFromStdin;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Use this personal API token instead of a password (for OIDC sign-in: the portal's API tokens page)")
    private String token;

    @Option(names = "--token-stdin", description = "Read the personal API token from standard input")
    private boolean tokenFromStdin;

    @Option(names = "--expires-in-days", paramLabel = "DAYS", defaultValue = "30",
            description = "How long the new token lasts, 1 to 365 days (default: ${DEFAULT-VALUE})")
    private int expiresInDays;

    @Override
    public void run() {
        var workstation = hm.workstation();
        var store = new LoginStore(workstation.configDirectory());
        var previous = store.load();
        var server = ServerAddress.parse(java.util.Optional.ofNullable(url).filter(u -> !u.isBlank())
                .or(() -> workstation.variable("HM_URL"))
                .or(() -> previous.map(StoredLogin::server))
                .orElseThrow(() -> new HmException("Which server? Run: hm login URL, e.g. hm login "
                        + "https://harbormaster.example.com")));
        var err = spec.commandLine().getErr();
        var login = token != null || tokenFromStdin ? withToken(server) : withPassword(server);
        store.save(login);
        previous.filter(old -> !old.tokenId().equals(login.tokenId()))
                .ifPresent(old -> revokeQuietly(old, workstation));
        err.println("Logged in to " + server + " as " + login.username() + " (token '" + login.tokenName()
                + "', valid until " + DAY.format(login.expiresAt()) + ", kept in " + store.file() + ")");
        err.flush();
    }

    private StoredLogin withToken(ServerAddress server) {
        var secret = tokenFromStdin ? readStdin("token") : token.strip();
        if (secret.isEmpty()) {
            throw new HmException("The token is empty. Copy it from the portal's API tokens page and try again.");
        }
        var client = HarbormasterClient.with(server, new Credential.EnvironmentToken(secret), hm.workstation());
        Me me;
        try {
            me = client.get("/api/me", Map.of(), Me.class);
        } catch (ServerRefusal refusal) {
            if (refusal.status() == 401) {
                throw new HmException("Harbormaster at " + server + " does not accept this token (expired, revoked "
                        + "or mistyped). Create a new one on the portal's API tokens page and try again.");
            }
            throw refusal;
        }
        if (me.token() == null) {
            throw new HmException("Harbormaster at " + server + " did not say which token this is. Is it older than "
                    + "this hm? (hm version)");
        }
        return new StoredLogin(server.toString(), me.username(), secret, me.token().tokenId(), me.token().name(),
                me.token().expiresAt());
    }

    private StoredLogin withPassword(ServerAddress server) {
        var workstation = hm.workstation();
        var prompt = new Prompt(workstation, spec.commandLine().getErr());
        var user = username != null ? username.strip()
                : workstation.variable("HM_USER").orElseGet(() -> prompt.line("Username: "));
        var password = passwordFromStdin ? readStdin("password") : prompt.secret("Password for " + user + ": ");
        var client = HarbormasterClient.with(server, new Credential.Password(user, password, ""), workstation);
        var name = tokenName(workstation.name());
        IssuedToken issued;
        try {
            issued = client.post("/api/tokens", new TokenRequest(name, expiresInDays), IssuedToken.class);
        } catch (ServerRefusal refusal) {
            if (refusal.status() == 401) {
                throw new HmException("Wrong username or password for " + server + ". Nothing was saved.");
            }
            throw refusal;
        }
        var signedIn = HarbormasterClient.with(server, new Credential.EnvironmentToken(issued.token()), workstation);
        var me = signedIn.get("/api/me", Map.of(), Me.class);
        return new StoredLogin(server.toString(), me.username(), issued.token(), issued.tokenId(), issued.name(),
                issued.expiresAt());
    }

    /** The body of {@code POST /api/tokens}. */
    record TokenRequest(String name, int expiresInDays) {
    }

    /** "hm on laptop-7", cut to what the server accepts. */
    static String tokenName(String workstationName) {
        var name = "hm on " + workstationName.strip().replaceAll("\\p{Cntrl}", "");
        return name.length() <= MAX_TOKEN_NAME ? name : name.substring(0, MAX_TOKEN_NAME);
    }

    private String readStdin(String what) {
        var line = hm.workstation().readLine()
                .orElseThrow(() -> new HmException("Standard input ended before a " + what + " was read."));
        var value = line.strip();
        if (value.isEmpty()) {
            throw new HmException("The " + what + " read from standard input is empty; nothing changed.");
        }
        return value;
    }

    /** A replaced login's token is revoked so tokens do not pile up; failing to is not worth failing the login. */
    private void revokeQuietly(StoredLogin old, io.harbormaster.cli.Workstation workstation) {
        try {
            var client = HarbormasterClient.with(ServerAddress.parse(old.server()),
                    new Credential.StoredToken(old.token(), old.tokenName(), ""), workstation);
            client.delete("/api/tokens/" + HarbormasterClient.segment(old.tokenId()), Map.of(), Void.class);
        } catch (HmException e) {
            spec.commandLine().getErr().println("Note: the previous login's token '" + old.tokenName() + "' on "
                    + old.server() + " could not be revoked (" + e.getMessage() + "); it expires by itself.");
        }
    }
}
