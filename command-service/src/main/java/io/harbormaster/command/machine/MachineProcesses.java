package io.harbormaster.command.machine;

import static io.harbormaster.api.audit.AuditMetadata.CORRELATION_ID;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.machine.CompleteCreationCommand;
import io.harbormaster.api.machine.CompleteLifecycleOperationCommand;
import io.harbormaster.api.machine.CompleteRemovalCommand;
import io.harbormaster.api.machine.FailCreationCommand;
import io.harbormaster.api.machine.FailLifecycleOperationCommand;
import io.harbormaster.api.machine.FailRemovalCommand;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineKillRequested;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineRestartRequested;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.command.audit.CurrentActingContext;
import io.harbormaster.command.driver.CreateResult;
import io.harbormaster.command.driver.DriverCallExecutor;
import io.harbormaster.command.driver.DriverException;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.driver.MachineDriver;
import io.harbormaster.command.driver.MachineRef;
import io.harbormaster.command.driver.MachineSpec;
import io.harbormaster.command.lookup.MachineRecord;
import io.harbormaster.command.lookup.MachineRecords;
import java.util.function.BiConsumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The machine processes: when a creation, lifecycle operation or removal was accepted, call the driver on the
 * bounded {@link DriverCallExecutor} and report the outcome back to the machine as a Complete or Fail command.
 * Calls start only after the event's unit of work committed, so a rolled-back token update never runs a driver
 * twice; replays run nothing ({@link DisallowReplay}): the outcomes are already in the event store.
 */
@Component
@ProcessingGroup(MachineProcesses.PROCESSING_GROUP)
@DisallowReplay
class MachineProcesses {

    /** A tracking processing group: driver calls must never hold up the command's transaction. */
    static final String PROCESSING_GROUP = "machine-processes";

    private final DriverRegistry drivers;
    private final MachineRecords records;
    private final DriverCallExecutor executor;
    private final ProcessReporter reporter;

    MachineProcesses(DriverRegistry drivers, MachineRecords records, DriverCallExecutor executor,
                     CommandGateway commands) {
        this.drivers = drivers;
        this.records = records;
        this.executor = executor;
        this.reporter = new ProcessReporter(commands);
    }

    @EventHandler
    void on(MachineCreated event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        var id = event.machineId();
        var spec = new MachineSpec(id, event.teamId(), event.name(), event.driverOptions());
        later(correlationId, () -> reporter.run(id, FailCreationCommand::new, () ->
                switch (drivers.get(event.driver()).create(spec)) {
                    case CreateResult.Created created -> new CompleteCreationCommand(id, created.dockerUrl());
                    case CreateResult.Failed failed -> new FailCreationCommand(id, failed.reason());
                }));
    }

    @EventHandler
    void on(MachineStartRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        lifecycle(event.machineId(), LifecycleOperation.START, MachineDriver::start, correlationId);
    }

    @EventHandler
    void on(MachineStopRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        lifecycle(event.machineId(), LifecycleOperation.STOP, MachineDriver::stop, correlationId);
    }

    @EventHandler
    void on(MachineRestartRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        lifecycle(event.machineId(), LifecycleOperation.RESTART, MachineDriver::restart, correlationId);
    }

    @EventHandler
    void on(MachineKillRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        lifecycle(event.machineId(), LifecycleOperation.KILL, MachineDriver::kill, correlationId);
    }

    @EventHandler
    void on(MachineRemovalRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        var id = event.machineId();
        later(correlationId, () -> reporter.run(id, FailRemovalCommand::new, () -> {
            var machine = machine(id);
            drivers.get(machine.driver()).remove(machine.toRef());
            return new CompleteRemovalCommand(id);
        }));
    }

    private void lifecycle(MachineId id, LifecycleOperation operation, BiConsumer<MachineDriver, MachineRef> call,
                           String correlationId) {
        later(correlationId, () -> reporter.run(id,
                (machineId, reason) -> new FailLifecycleOperationCommand(machineId, operation, reason), () -> {
                    var machine = machine(id);
                    call.accept(drivers.get(machine.driver()), machine.toRef());
                    return new CompleteLifecycleOperationCommand(id, operation);
                }));
    }

    private MachineRecord machine(MachineId id) {
        return records.find(id).orElseThrow(() -> new DriverException(
                "Harbormaster has no driver settings for this machine; it may have been removed meanwhile."));
    }

    /** Runs {@code work} on the driver executor once the current unit of work committed, as the system actor. */
    private void later(String correlationId, Runnable work) {
        var context = new ActingContext(AuditMetadata.SYSTEM_ACTOR, PROCESSING_GROUP, Channel.SYSTEM, "", correlationId);
        Runnable submit = () -> executor.submit(() -> CurrentActingContext.runAs(context, work));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> submit.run());
        } else {
            submit.run();
        }
    }
}
