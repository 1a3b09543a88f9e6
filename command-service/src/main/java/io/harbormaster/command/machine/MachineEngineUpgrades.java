package io.harbormaster.command.machine;

import static io.harbormaster.api.audit.AuditMetadata.CORRELATION_ID;

import io.harbormaster.api.machine.EngineUpgradeRequested;
import io.harbormaster.api.machine.ReportEngineUpgradeCommand;
import io.harbormaster.command.driver.DriverCallExecutor;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.lookup.MachineRecords;
import io.harbormaster.command.provision.Provisioner;
import io.harbormaster.command.provision.ProvisioningException;
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

/** Runs requested Docker Engine upgrades over SSH and reports the versions (or why not) to the machine. */
@Component
@ProcessingGroup(MachineProcesses.PROCESSING_GROUP)
@DisallowReplay
class MachineEngineUpgrades {

    private static final Logger log = LoggerFactory.getLogger(MachineEngineUpgrades.class);

    private final DriverRegistry drivers;
    private final MachineRecords records;
    private final DriverCallExecutor executor;
    private final Provisioner provisioner;
    private final ObjectProvider<HostShells> shells;
    private final ProcessReporter reporter;

    MachineEngineUpgrades(DriverRegistry drivers, MachineRecords records, DriverCallExecutor executor,
                          Provisioner provisioner, ObjectProvider<HostShells> shells, CommandGateway commands) {
        this.drivers = drivers;
        this.records = records;
        this.executor = executor;
        this.provisioner = provisioner;
        this.shells = shells;
        this.reporter = new ProcessReporter(commands);
    }

    @EventHandler
    void on(EngineUpgradeRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        SystemWork.afterCommit(executor, correlationId, () -> upgrade(event));
    }

    private void upgrade(EngineUpgradeRequested event) {
        var id = event.machineId();
        var machine = records.find(id).orElse(null);
        if (machine == null || machine.dockerUrl() == null) {
            return;
        }
        String before = null;
        try {
            var target = drivers.get(machine.driver()).sshTarget(machine.toRef()).orElseThrow();
            try (var shell = shells.getObject().open(id, target)) {
                before = Provisioner.engineVersion(shell);
                var versions = provisioner.upgrade(target, shell, machine.dockerUrl(), event.certificates());
                reporter.report(new ReportEngineUpgradeCommand(id, versions[0], versions[1], null));
            }
        } catch (ProvisioningException | DriverException e) {
            reporter.report(new ReportEngineUpgradeCommand(id, before, null, e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("Upgrading machine {} failed unexpectedly", id.value(), e);
            reporter.report(new ReportEngineUpgradeCommand(id, before, null,
                    "The upgrade failed unexpectedly; the details are in the server log."));
        }
    }
}
