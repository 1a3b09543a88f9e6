package io.harbormaster.command.process;

import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.machine.RecordHostKeyCommand;
import io.harbormaster.command.lookup.MachineRecord;
import io.harbormaster.command.ssh.HostShells;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.HostShell;
import io.harbormaster.driver.SshTarget;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * SSH sessions to machines' hosts for the processes that work on them (provisioning, certificate installs, engine
 * upgrades): where the machine's driver says its host is, with the machine's own key and pinned host key. The first
 * session with a host pins the key it presents, whichever process opens it: a machine provisioned here pins it while
 * provisioning, an imported generic machine on its first certificate install or upgrade.
 */
@Component
public class MachineHosts {

    private final DriverRegistry drivers;
    private final ObjectProvider<HostShells> shells;
    private final MachineWork machineWork;

    MachineHosts(DriverRegistry drivers, ObjectProvider<HostShells> shells, MachineWork work) {
        this.drivers = drivers;
        this.shells = shells;
        this.machineWork = work;
    }

    /** Work done in one session on a host. */
    @FunctionalInterface
    public interface HostWork<T> {

        /** Does the work over {@code shell}, connected to {@code target}. */
        T run(SshTarget target, HostShell shell);
    }

    /**
     * Runs {@code work} in a session on the machine's host and closes it; {@code purpose} completes the refusal when
     * the driver gives no SSH access ("so Docker Engine cannot be {@code purpose}").
     */
    public <T> T withShell(MachineRecord machine, String purpose, HostWork<T> work) {
        var driver = drivers.get(machine.driver());
        var target = driver.sshTarget(machine.toRef()).orElseThrow(() -> new DriverException(
                "The " + driver.name() + " driver gives no SSH access, so Docker Engine cannot be " + purpose + "."));
        var available = shells.getIfAvailable();
        if (available == null) {
            throw new DriverException("This Harbormaster process has no SSH access configured.");
        }
        try (var shell = available.open(machine.machineId(), target)) {
            if (shell.pinnedNow()) {
                machineWork.reporter().report(new RecordHostKeyCommand(machine.machineId(), target.host(),
                        shell.hostKeyType(), shell.hostKeyFingerprint()));
            }
            return work.run(target, shell);
        }
    }
}
