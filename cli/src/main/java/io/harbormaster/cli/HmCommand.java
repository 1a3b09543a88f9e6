package io.harbormaster.cli;

import io.harbormaster.cli.machine.LsCommand;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.version.VersionCommand;
import java.io.PrintWriter;
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
        subcommands = {LsCommand.class, VersionCommand.class, HelpCommand.class})
public class HmCommand implements Runnable {

    private final Workstation workstation;

    @Spec
    private CommandSpec spec;

    // Inherited so it works before or after the verb, like docker-machine's global flags.
    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Harbormaster server (default: $HM_SERVER, else " + HarbormasterClient.DEFAULT_SERVER + ")")
    private String server;

    HmCommand(Workstation workstation) {
        this.workstation = workstation;
    }

    public static void main(String[] args) {
        var out = new PrintWriter(System.out, true, System.out.charset());
        var err = new PrintWriter(System.err, true, System.err.charset());
        System.exit(execute(args, System.getenv(), out, err));
    }

    /** Runs {@code hm} with the given environment and streams; returns the exit code. */
    static int execute(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        var workstation = new Workstation(environment, Workstation.versionOf(HmCommand.class));
        var commandLine = new CommandLine(new HmCommand(workstation));
        commandLine.setOut(out);
        commandLine.setErr(err);
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

    public Workstation workstation() {
        return workstation;
    }

    /** A client for the server the user chose, signed in with the credentials from the environment. */
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
