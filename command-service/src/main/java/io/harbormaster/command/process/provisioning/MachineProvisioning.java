package io.harbormaster.command.process.provisioning;

import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.command.machine.RecordHostKeyCommand;
import io.harbormaster.command.machine.ReportProvisioningCommand;
import io.harbormaster.command.lookup.MachineRecord;
import io.harbormaster.command.process.ProcessReporter;
import io.harbormaster.command.provision.Provisioner;
import io.harbormaster.command.provision.ProvisioningProgress;
import io.harbormaster.command.ssh.HostShells;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.MachineDriver;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the provisioner for a machine whose driver provisions: opens an SSH session to the host (pinning its key on
 * first contact, which the machine records), and turns the provisioner's progress into the machine's events.
 */
@Component
public class MachineProvisioning {

    private final Provisioner provisioner;
    private final ObjectProvider<HostShells> shells;

    MachineProvisioning(Provisioner provisioner, ObjectProvider<HostShells> shells) {
        this.provisioner = provisioner;
        this.shells = shells;
    }

    /** After the host rebooted: waits until Docker Engine answers on it again. */
    public void awaitEngine(MachineRecord machine, MachineDriver driver) {
        var target = driver.sshTarget(machine.toRef()).orElseThrow(() -> new DriverException(
                "The " + driver.name() + " driver gives no SSH access, so Docker Engine cannot be checked."));
        try (var shell = shells.getObject().open(machine.machineId(), target)) {
            provisioner.awaitEngine(target, shell);
        }
    }

    public void provision(MachineRecord machine, MachineDriver driver, String dockerUrl, MachineCertificates certificates,
                   ProcessReporter reporter) {
        var id = machine.machineId();
        var target = driver.sshTarget(machine.toRef()).orElseThrow(() -> new DriverException(
                "The " + driver.name() + " driver gives no SSH access, so Docker Engine cannot be provisioned."));
        var available = shells.getIfAvailable();
        if (available == null) {
            throw new DriverException("This Harbormaster process has no SSH access configured.");
        }
        try (var shell = available.open(id, target)) {
            if (shell.pinnedNow()) {
                reporter.report(new RecordHostKeyCommand(id, target.host(), shell.hostKeyType(),
                        shell.hostKeyFingerprint()));
            }
            provisioner.provision(machine.name().value(), target, dockerUrl, URI.create(dockerUrl).getPort(),
                    certificates, shell, new ProvisioningProgress() {
                        @Override
                        public void started(String os) {
                            reporter.report(ReportProvisioningCommand.started(id, os));
                        }

                        @Override
                        public void stepCompleted(String step, int number, int total) {
                            reporter.report(ReportProvisioningCommand.step(id, step, number, total));
                        }
                    });
        }
    }
}
