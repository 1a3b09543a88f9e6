package io.harbormaster.cli;

import io.harbormaster.cli.completion.CompleteCommand;
import io.harbormaster.cli.completion.CompletionCommand;
import io.harbormaster.cli.login.LoginCommand;
import io.harbormaster.cli.login.LogoutCommand;
import io.harbormaster.cli.login.WhoamiCommand;
import io.harbormaster.cli.machine.ConfigCommand;
import io.harbormaster.cli.machine.EnvCommand;
import io.harbormaster.cli.machine.LsCommand;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.team.AuditCommand;
import io.harbormaster.cli.team.HandoffCommand;
import io.harbormaster.cli.team.HistoryCommand;
import io.harbormaster.cli.team.MembersCommand;
import io.harbormaster.cli.team.ShareCommand;
import io.harbormaster.cli.team.TeamsCommand;
import io.harbormaster.cli.team.UnshareCommand;
import io.harbormaster.cli.token.TokensCommand;
import io.harbormaster.cli.version.VersionCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code hm}: docker-machine's verbs against a Harbormaster server instead of {@code ~/.docker/machine}. */
@Command(name = "hm",
        description = "Use your team's Docker machines from any workstation.",
        mixinStandardHelpOptions = true,
        versionProvider = HmCommand.Version.class,
        // the verbs are added in execute(): only the one that runs, unless the whole tree is needed
        subcommands = {})
public class HmCommand implements Runnable {

    /**
     * Every verb by its name, in the order {@code hm --help} lists them. Building picocli's model of all of them takes
     * longer than a whole {@code hm env} should, so a run registers only its own verb (see {@link #verbsFor}).
     */
    static final Map<String, Class<?>> VERBS = verbs(
            LoginCommand.class, LogoutCommand.class, WhoamiCommand.class,
            LsCommand.class, EnvCommand.class, ConfigCommand.class,
            // docker-machine's machine verbs
            io.harbormaster.cli.machine.ActiveCommand.class,
            io.harbormaster.cli.machine.CreateCommand.class,
            io.harbormaster.cli.machine.InspectCommand.class,
            io.harbormaster.cli.machine.IpCommand.class,
            io.harbormaster.cli.machine.KillCommand.class,
            io.harbormaster.cli.machine.ProvisionCommand.class,
            io.harbormaster.cli.machine.RegenerateCertsCommand.class,
            io.harbormaster.cli.machine.RestartCommand.class,
            io.harbormaster.cli.machine.RmCommand.class,
            io.harbormaster.cli.machine.ScpCommand.class,
            io.harbormaster.cli.machine.SshCommand.class,
            io.harbormaster.cli.machine.StartCommand.class,
            io.harbormaster.cli.machine.StatusCommand.class,
            io.harbormaster.cli.machine.StopCommand.class,
            io.harbormaster.cli.machine.UpgradeCommand.class,
            io.harbormaster.cli.machine.UrlCommand.class,
            io.harbormaster.cli.machine.ContextCommand.class,
            // machines from a docker-machine store
            io.harbormaster.cli.machine.ImportCommand.class,
            // the server's drivers and their flags for create
            io.harbormaster.cli.driver.DriversCommand.class,
            VersionCommand.class,
            // the team's verbs, API tokens and shell completion
            HandoffCommand.class, ShareCommand.class, UnshareCommand.class, HistoryCommand.class,
            AuditCommand.class, TeamsCommand.class, MembersCommand.class, TokensCommand.class,
            io.harbormaster.cli.credential.CredentialsCommand.class,
            CompletionCommand.class, CompleteCommand.class,
            HelpCommand.class);

    /** Verbs that look at the whole command tree: help, and the completion scripts made from it. */
    private static final java.util.Set<String> NEED_EVERY_VERB = java.util.Set.of("help", "completion", "__complete");

    private final Workstation workstation;

    @Spec
    private CommandSpec spec;

    // Inherited so it works before or after the verb, like docker-machine's global flags.
    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Harbormaster server (default: $HM_URL, else the server of hm login)")
    private String server;

    HmCommand(Workstation workstation) {
        this.workstation = workstation;
    }

    public static void main(String[] args) {
        var out = new PrintWriter(System.out, true, System.out.charset());
        var err = new PrintWriter(System.err, true, System.err.charset());
        var stdin = new BufferedReader(new InputStreamReader(System.in, java.nio.charset.Charset.defaultCharset()));
        var environment = System.getenv();
        var home = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
        int exitCode = execute(args, new Workstation(environment, Workstation.versionOf(HmCommand.class), home, stdin,
                Terminal.attached(), ProcessHandle.current().parent().flatMap(parent -> parent.info().command()), true),
                out, err);
        HarbormasterClient.shutdownAll();
        System.exit(exitCode);
    }

    /** Runs {@code hm} with a made-up environment and home, nothing on standard input and no terminal. */
    static int execute(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        Path home;
        try {
            home = environment.containsKey("HOME") ? Path.of(environment.get("HOME"))
                    : java.nio.file.Files.createTempDirectory("hm-home");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return execute(args, new Workstation(environment, "dev", home, new BufferedReader(new StringReader("")), false,
                java.util.Optional.empty()),
                out, err);
    }

    /** Runs {@code hm} on {@code workstation} with the given streams; returns the exit code. */
    static int execute(String[] args, Workstation workstation, PrintWriter out, PrintWriter err) {
        var commandLine = new CommandLine(new HmCommand(workstation));
        var verbs = verbsFor(args);
        verbs.forEach(verb -> commandLine.addSubcommand(verb, VERBS.get(verb)));
        commandLine.setOut(out);
        commandLine.setErr(err);
        if (verbs.equals(java.util.List.of("create"))) {
            // create's flags for drivers other than generic and none are the server's, known before parsing
            try {
                io.harbormaster.cli.machine.CreateCommand.prepare(commandLine, args);
            } catch (HmException failure) {
                err.println(failure.getMessage());
                err.flush();
                return failure.exitCode();
            }
        }
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof HmException failure) {
                cmd.getErr().println(failure.getMessage());
                cmd.getErr().flush();
                return failure.exitCode();
            }
            throw e;
        });
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The verbs to register for {@code args}: the one named (the first word that is not an option or the value of
     * {@code --server}), or all of them when none is named, the name is unknown (so picocli can suggest one) or the
     * verb reads the whole tree.
     */
    static java.util.List<String> verbsFor(String[] args) {
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            if (arg.equals("--server")) {
                i++;
            } else if (!arg.startsWith("-")) {
                return VERBS.containsKey(arg) && !NEED_EVERY_VERB.contains(arg) ? java.util.List.of(arg)
                        : java.util.List.copyOf(VERBS.keySet());
            }
        }
        return java.util.List.copyOf(VERBS.keySet());
    }

    private static Map<String, Class<?>> verbs(Class<?>... types) {
        var verbs = new java.util.LinkedHashMap<String, Class<?>>();
        for (var type : types) {
            verbs.put(type.getAnnotation(Command.class).name(), type);
        }
        return java.util.Collections.unmodifiableMap(verbs);
    }

    public Workstation workstation() {
        return workstation;
    }

    /** A client for the server the user chose, signed in as the workstation's login or environment says. */
    public HarbormasterClient connect() {
        return HarbormasterClient.connect(server, workstation);
    }

    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {"hm version " + Workstation.versionOf(HmCommand.class)};
        }
    }
}
