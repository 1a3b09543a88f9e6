package io.harbormaster.command.process.certificate;

import static io.harbormaster.api.audit.AuditMetadata.CORRELATION_ID;

import io.harbormaster.api.machine.CertsRegenerated;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.command.machine.ReportCertsInstalledCommand;
import io.harbormaster.command.machine.ReportSshUserCaCommand;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.lookup.MachineRecords;
import io.harbormaster.command.process.MachineHosts;
import io.harbormaster.command.process.MachineWork;
import io.harbormaster.command.provision.Provisioner;
import io.harbormaster.command.provision.ProvisioningException;
import io.harbormaster.command.secret.SecretStoreException;
import io.harbormaster.command.ssh.MachineSshUserCas;
import io.harbormaster.command.ssh.SshUserCa;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.driver.HostShell;
import io.harbormaster.driver.SshTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Installs renewed certificates on hosts that Harbormaster provisioned: after a regeneration (requested, hand-off
 * rotation, new address) it pushes the new server material over SSH and restarts dockerd, whose {@code live-restore}
 * keeps containers running, then verifies the daemon over TLS with the new CA and reports the outcome to the machine
 * ({@code CertsInstalled} or {@code CertsInstallFailed}). In the same session it makes sshd trust the machine's SSH
 * user CA, so a machine provisioned before Harbormaster signed SSH certificates gets it with its next certificates;
 * that is reported on its own ({@code SshUserCaInstalled} or {@code SshUserCaInstallFailed}) and after the TLS
 * material, which a hand-off's revocation depends on.
 */
@Component
@ProcessingGroup(MachineWork.PROCESSING_GROUP)
@DisallowReplay
class MachineCertificateInstaller {

    private static final Logger log = LoggerFactory.getLogger(MachineCertificateInstaller.class);

    private final DriverRegistry drivers;
    private final MachineRecords records;
    private final MachineWork work;
    private final Provisioner provisioner;
    private final MachineHosts hosts;
    private final MachineSshUserCas userCas;

    MachineCertificateInstaller(DriverRegistry drivers, MachineRecords records, MachineWork work,
                                Provisioner provisioner, MachineHosts hosts, MachineSshUserCas userCas) {
        this.drivers = drivers;
        this.records = records;
        this.work = work;
        this.provisioner = provisioner;
        this.hosts = hosts;
        this.userCas = userCas;
    }

    @EventHandler
    void on(CertsRegenerated event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        if ("created".equals(event.reason())) {
            return; // the provisioner installs a new machine's first certificates itself
        }
        var id = event.machineId();
        work.afterCommit(id, "install-certs-" + event.secretVersion(), correlationId, () -> true,
                (machineId, reason) -> new ReportCertsInstalledCommand(machineId, event.secretVersion(), reason),
                () -> install(event));
    }

    /** Answers the report, or null when the machine's host is not Harbormaster's to install on. */
    private Object install(CertsRegenerated event) {
        var id = event.machineId();
        var machine = records.find(id).orElse(null);
        if (machine == null || machine.dockerUrl() == null || !drivers.names().contains(machine.driver())
                || !drivers.get(machine.driver()).provisions()) {
            return null;
        }
        var certificates = MachineCertificates.of(event);
        hosts.withShell(machine, "given its new certificates", (target, shell) -> {
            provisioner.restartWithNewCertificates(machine.name().value(), machine.dockerUrl(),
                    machine.engineOptions(), target, certificates, shell);
            trustSshUserCa(id, target, shell);
            return null;
        });
        return new ReportCertsInstalledCommand(id, event.secretVersion(), null);
    }

    /** Reports whether sshd trusts the machine's SSH user CA now; the TLS material is in place either way. */
    private void trustSshUserCa(MachineId id, SshTarget target, HostShell shell) {
        SshUserCa userCa;
        try {
            userCa = userCas.loadOrGenerate(id);
        } catch (SecretStoreException e) {
            log.warn("The SSH user CA of machine {} could not be read or stored, so its host was not told to trust "
                    + "it: {}", id.value(), e.getMessage());
            return;
        }
        ReportSshUserCaCommand trust;
        try {
            trust = ReportSshUserCaCommand.trusted(id, userCa.fingerprint(),
                    provisioner.trustSshUserCa(target, shell, userCa.publicKey()));
        } catch (ProvisioningException e) {
            trust = ReportSshUserCaCommand.failed(id, userCa.fingerprint(), e.getMessage());
        }
        work.reporter().report(trust);
    }
}
