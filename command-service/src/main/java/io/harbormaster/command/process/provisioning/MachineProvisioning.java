package io.harbormaster.command.process.provisioning;

import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.command.machine.ReportProvisioningCommand;
import io.harbormaster.command.machine.ReportSshUserCaCommand;
import io.harbormaster.command.lookup.MachineRecord;
import io.harbormaster.command.process.MachineHosts;
import io.harbormaster.command.process.ProcessReporter;
import io.harbormaster.command.provision.Provisioner;
import io.harbormaster.command.provision.ProvisioningProgress;
import io.harbormaster.command.ssh.MachineSshUserCas;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the provisioner for a machine whose driver provisions: opens an SSH session to the host ({@link MachineHosts}
 * pins its key on first contact, which the machine records), has its sshd trust the machine's SSH user CA (made on the
 * first provisioning), and turns the provisioner's progress into the machine's events.
 */
@Component
public class MachineProvisioning {

    private final Provisioner provisioner;
    private final MachineHosts hosts;
    private final MachineSshUserCas userCas;
    private final MeterRegistry meters;

    MachineProvisioning(Provisioner provisioner, MachineHosts hosts, MachineSshUserCas userCas,
                        ObjectProvider<MeterRegistry> meters) {
        this.provisioner = provisioner;
        this.hosts = hosts;
        this.userCas = userCas;
        this.meters = meters.getIfAvailable(CompositeMeterRegistry::new);
    }

    /** After the host rebooted: waits until Docker Engine answers on it again. */
    public void awaitEngine(MachineRecord machine) {
        hosts.withShell(machine, "checked", (target, shell) -> {
            provisioner.awaitEngine(target, shell);
            return null;
        });
    }

    /**
     * Installs and configures Docker Engine for {@code dockerUrl}; each step and a newly pinned key is reported.
     * Answers the Docker Engine version the last step verified over TLS.
     */
    public String provision(MachineRecord machine, String dockerUrl, MachineCertificates certificates,
                            ProcessReporter reporter) {
        long started = System.nanoTime();
        var outcome = "failure";
        try {
            var version = provisionOver(machine, dockerUrl, certificates, reporter);
            outcome = "success";
            return version;
        } finally {
            Timer.builder("harbormaster.provisioning")
                    .description("Docker Engine installations on hosts, from the SSH session to the last step")
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private String provisionOver(MachineRecord machine, String dockerUrl, MachineCertificates certificates,
                                 ProcessReporter reporter) {
        var id = machine.machineId();
        var userCa = userCas.loadOrGenerate(id);
        return hosts.withShell(machine, "provisioned", (target, shell) -> {
            return provisioner.provision(machine.name().value(), target, dockerUrl, URI.create(dockerUrl).getPort(),
                    certificates, machine.engineOptions(), userCa.publicKey(), shell, new ProvisioningProgress() {
                        @Override
                        public void started(String os) {
                            reporter.report(ReportProvisioningCommand.started(id, os));
                        }

                        @Override
                        public void stepCompleted(String step, int number, int total) {
                            reporter.report(ReportProvisioningCommand.step(id, step, number, total));
                        }

                        @Override
                        public void sshUserCaTrusted(String trustedKeysFile) {
                            reporter.report(ReportSshUserCaCommand.trusted(id, userCa.fingerprint(), trustedKeysFile));
                        }

                        @Override
                        public void sshUserCaRefused(String reason) {
                            reporter.report(ReportSshUserCaCommand.failed(id, userCa.fingerprint(), reason));
                        }
                    });
        });
    }
}
