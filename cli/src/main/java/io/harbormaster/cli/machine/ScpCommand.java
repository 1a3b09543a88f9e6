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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hm scp}: docker-machine's {@code scp} with OpenSSH's client, between this workstation and one machine, by a
 * certificate the platform signs for this run. Its exit status is scp's.
 */
@Command(name = "scp", mixinStandardHelpOptions = true,
        description = "Copy files between this workstation and a machine's host with SCP",
        footer = {"", "One side is NAME:PATH (TEAM/NAME:PATH when the name is in two of your teams), the other a "
                + "path here. A local path with a colon before its first slash needs ./ in front. Copy between two "
                + "machines through this workstation.", "", "Examples:",
                "  hm scp ./app.conf web-1:/etc/app.conf",
                "  hm scp web-1:/var/log/syslog .",
                "  hm scp -r ./site web-1:/srv/"})
public class ScpCommand implements Callable<Integer> {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Option(names = "-r", description = "Copy folders with everything in them")
    private boolean recursive;

    @Parameters(index = "0", paramLabel = "SRC", description = "What to copy: NAME:PATH or a path here")
    private String source;

    @Parameters(index = "1", paramLabel = "DST", description = "Where to: NAME:PATH or a path here")
    private String target;

    @Override
    public Integer call() {
        var from = ScpPath.parse(source);
        var to = ScpPath.parse(target);
        if (from.remote() && to.remote()) {
            throw new HmException("hm scp copies between this workstation and one machine, and both " + source
                    + " and " + target + " name a machine. Copy through here: hm scp " + source + " ./copy && hm "
                    + "scp ./copy " + target);
        }
        if (!from.remote() && !to.remote()) {
            throw new HmException("Neither " + source + " nor " + target + " names a machine: write one side as "
                    + "NAME:PATH (hm scp ./file web-1:/tmp/), or copy on this workstation with cp.");
        }
        var remote = from.remote() ? from : to;
        var programs = new SshPrograms(hm.workstation());
        var scp = new ArrayList<>(List.of(programs.find("scp").toString()));
        var client = hm.connect();
        var machine = MachineResolver.resolve(client, remote.machine());
        var login = SshLogins.prepare(client, hm.workstation(), new SshLogins.Machine(machine.id(), machine.name()),
                programs);
        if (recursive) {
            scp.add("-r");
        }
        scp.addAll(login.options());
        scp.addAll(List.of("-P", String.valueOf(login.port()), "--",
                from.remote() ? login.remote(from.path()) : from.path(),
                to.remote() ? login.remote(to.path()) : to.path()));
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return OpenSsh.run(scp, hm.workstation());
    }
}
