package io.harbormaster.command.process.certificate;

import static io.harbormaster.api.audit.AuditMetadata.CORRELATION_ID;

import io.harbormaster.api.machine.CertsRegenerated;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.command.machine.ReportCertsInstalledCommand;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.lookup.MachineRecords;
import io.harbormaster.command.process.MachineHosts;
import io.harbormaster.command.process.MachineWork;
import io.harbormaster.command.provision.Provisioner;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Installs renewed certificates on hosts that Harbormaster provisioned: after a regeneration (requested, hand-off
 * rotation, new address) it pushes the new server material over SSH and restarts dockerd, whose {@code live-restore}
 * keeps containers running, then verifies the daemon over TLS with the new CA and reports the outcome to the machine
 * ({@code CertsInstalled} or {@code CertsInstallFailed}).
 */
@Component
@ProcessingGroup(MachineWork.PROCESSING_GROUP)
@DisallowReplay
class MachineCertificateInstaller {

    private final DriverRegistry drivers;
    private final MachineRecords records;
    private final MachineWork work;
    private final Provisioner provisioner;
    private final MachineHosts hosts;

    MachineCertificateInstaller(DriverRegistry drivers, MachineRecords records, MachineWork work,
                                Provisioner provisioner, MachineHosts hosts) {
        this.drivers = drivers;
        this.records = records;
        this.work = work;
        this.provisioner = provisioner;
        this.hosts = hosts;
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
            return null;
        });
        return new ReportCertsInstalledCommand(id, event.secretVersion(), null);
    }
}
