package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.ssh.OpenSsh;
import io.harbormaster.cli.ssh.SshLogins;
import io.harbormaster.cli.ssh.SshPrograms;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hm ssh}: docker-machine's {@code ssh} with OpenSSH's client, by a certificate the platform signs for this
 * run (see {@link SshLogins}). Everything after the machine is the remote command, as with {@code ssh} itself, and
 * hm's exit status is ssh's: the command's, or 255 when no login happened, hm's own refusals included.
 */
@Command(name = "ssh", mixinStandardHelpOptions = true,
        description = "Log into or run a command on a machine's host with SSH",
        footer = {"", "hm asks the platform for an SSH certificate valid for a few minutes for this workstation's "
                + "own key (~/.config/harbormaster/ssh/id_ed25519, made on first use) and runs ssh with it, "
                + "checking the host against the key Harbormaster pinned.", "", "Examples:",
                "  hm ssh web-1                     # a shell on the host",
                "  hm ssh web-1 docker ps",
                "  hm ssh web-1 -- ls -la /etc"})
public class SshCommand implements Callable<Integer> {

    /** The exit status of ssh when it could not log in; hm's own refusals use it too. */
    static final int NO_LOGIN = 255;

    @ParentCommand
    private HmCommand hm;

    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The machine (TEAM/NAME when the name is in two of "
            + "your teams)")
    private String name;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "COMMAND", description = "What to run on the host; a "
            + "login shell when none")
    private List<String> command = new ArrayList<>();

    /** Set before the arguments are read: what follows the machine is ssh's, options included ({@code ls -la}). */
    @Spec
    void spec(CommandSpec spec) {
        spec.parser().stopAtPositional(true);
        this.spec = spec;
    }

    @Override
    public Integer call() {
        var programs = new SshPrograms(hm.workstation());
        List<String> ssh;
        try {
            ssh = new ArrayList<>(List.of(programs.find("ssh").toString()));
            var client = hm.connect();
            var machine = MachineResolver.resolve(client, name);
            var login = SshLogins.prepare(client, hm.workstation(), new SshLogins.Machine(machine.id(),
                    machine.name()), programs);
            ssh.addAll(login.options());
            ssh.addAll(List.of("-p", String.valueOf(login.port()), "--", login.destination()));
        } catch (HmException refused) {
            throw new HmException(refused.getMessage(), NO_LOGIN);
        }
        ssh.addAll(!command.isEmpty() && command.getFirst().equals("--") ? command.subList(1, command.size())
                : command);
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return OpenSsh.run(ssh, hm.workstation());
    }
}
