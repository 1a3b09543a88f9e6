package io.harbormaster.command.machine;

import static io.harbormaster.api.audit.AuditMetadata.CORRELATION_ID;

import io.harbormaster.api.machine.CertsRegenerated;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.ReportCertsInstalledCommand;
import io.harbormaster.command.driver.DriverCallExecutor;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.lookup.MachineRecords;
import io.harbormaster.command.provision.Provisioner;
import io.harbormaster.command.provision.ProvisioningException;
import io.harbormaster.command.secret.SecretStoreException;
import io.harbormaster.command.ssh.HostShells;
import io.harbormaster.driver.DriverException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs renewed certificates on hosts that Harbormaster provisioned: after a regeneration (requested, hand-off
 * rotation, new address) it pushes the new server material over SSH and restarts dockerd, whose {@code live-restore}
 * keeps containers running, then verifies the daemon over TLS with the new CA and reports the outcome to the machine
 * ({@code CertsInstalled} or {@code CertsInstallFailed}). Runs with the machine processes, after the event committed.
 */
@Component
@ProcessingGroup(MachineProcesses.PROCESSING_GROUP)
@DisallowReplay
class MachineCertificateInstaller {

    private static final Logger log = LoggerFactory.getLogger(MachineCertificateInstaller.class);

    private final DriverRegistry drivers;
    private final MachineRecords records;
    private final DriverCallExecutor executor;
    private final Provisioner provisioner;
    private final ObjectProvider<HostShells> shells;
    private final ProcessReporter reporter;

    MachineCertificateInstaller(DriverRegistry drivers, MachineRecords records, DriverCallExecutor executor,
                                Provisioner provisioner, ObjectProvider<HostShells> shells, CommandGateway commands) {
        this.drivers = drivers;
        this.records = records;
        this.executor = executor;
        this.provisioner = provisioner;
        this.shells = shells;
        this.reporter = new ProcessReporter(commands);
    }

    @EventHandler
    void on(CertsRegenerated event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        if ("created".equals(event.reason())) {
            return; // the provisioner installs a new machine's first certificates itself
        }
        SystemWork.afterCommit(executor, correlationId, () -> install(event));
    }

    private void install(CertsRegenerated event) {
        var id = event.machineId();
        var machine = records.find(id).orElse(null);
        if (machine == null || machine.dockerUrl() == null || !drivers.names().contains(machine.driver())
                || !drivers.get(machine.driver()).provisions()) {
            return;
        }
        String failure = null;
        var certificates = new MachineCertificates(event.caRotated(), event.caFingerprint(), event.serverSerial(),
                event.notAfter(), event.secretPath(), event.secretVersion(), event.keyAlgorithm(),
                event.serverNames());
        var driver = drivers.get(machine.driver());
        try {
            var target = driver.sshTarget(machine.toRef()).orElseThrow();
            try (var shell = shells.getObject().open(id, target)) {
                provisioner.restartWithNewCertificates(machine.dockerUrl(), target, certificates, shell);
            }
        } catch (ProvisioningException | DriverException | SecretStoreException e) {
            failure = e.getMessage();
            log.info("Installing certificates on machine {} failed: {}", machine.name(), failure);
        } catch (RuntimeException e) {
            log.warn("Installing certificates on machine {} failed unexpectedly", id.value(), e);
            failure = "Installing the certificates failed unexpectedly; the details are in the server log.";
        }
        reporter.report(new ReportCertsInstalledCommand(id, event.secretVersion(), failure));
    }
}
