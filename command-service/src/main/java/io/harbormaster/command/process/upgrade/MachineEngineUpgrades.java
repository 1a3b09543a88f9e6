package io.harbormaster.command.process.upgrade;

import static io.harbormaster.api.audit.AuditMetadata.CORRELATION_ID;

import io.harbormaster.api.machine.EngineUpgradeRequested;
import io.harbormaster.command.machine.ReportEngineUpgradeCommand;
import io.harbormaster.command.lookup.MachineRecords;
import io.harbormaster.command.process.MachineHosts;
import io.harbormaster.command.process.MachineWork;
import io.harbormaster.command.provision.Provisioner;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/** Runs requested Docker Engine upgrades over SSH and reports the versions (or why not) to the machine. */
@Component
@ProcessingGroup(MachineWork.PROCESSING_GROUP)
@DisallowReplay
class MachineEngineUpgrades {

    private final MachineRecords records;
    private final MachineWork work;
    private final Provisioner provisioner;
    private final MachineHosts hosts;

    MachineEngineUpgrades(MachineRecords records, MachineWork work, Provisioner provisioner, MachineHosts hosts) {
        this.records = records;
        this.work = work;
        this.provisioner = provisioner;
        this.hosts = hosts;
    }

    @EventHandler
    void on(EngineUpgradeRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        // the version found before the upgrade, which a failure report keeps
        var before = new AtomicReference<String>();
        work.afterCommit(event.machineId(), "upgrade", correlationId, () -> true,
                (id, reason) -> new ReportEngineUpgradeCommand(id, before.get(), null, reason),
                () -> upgrade(event, before));
    }

    /** Answers the report, or null when the machine has no host to upgrade. */
    private Object upgrade(EngineUpgradeRequested event, AtomicReference<String> before) {
        var id = event.machineId();
        var machine = records.find(id).orElse(null);
        if (machine == null || machine.dockerUrl() == null) {
            return null;
        }
        return hosts.withShell(machine, "upgraded", (target, shell) -> {
            before.set(Provisioner.engineVersion(shell));
            var versions = provisioner.upgrade(target, shell, machine.dockerUrl(), event.certificates());
            return new ReportEngineUpgradeCommand(id, versions[0], versions[1], null);
        });
    }
}
