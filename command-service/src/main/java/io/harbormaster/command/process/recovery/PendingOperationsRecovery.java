package io.harbormaster.command.process.recovery;

import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.command.machine.RecordResumptionCommand;
import io.harbormaster.command.process.MachineOperation;
import io.harbormaster.command.process.MachineWork;
import io.harbormaster.command.process.certificate.CertificateRenewals;
import io.harbormaster.command.process.PendingOperation;
import io.harbormaster.command.process.PendingOperations;
import io.harbormaster.command.process.operation.MachineProcesses;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Resumes, once the application is ready, every driver operation and certificate renewal that was requested before
 * this instance started and never reported: the JVM stopped after the machine processes had taken the request but
 * before the outcome was reported, and no event will ever arrive to run it again. Resuming calls the driver again under the original
 * correlation id; that is safe because driver operations must be idempotent (see {@code MachineDriver}), and a report
 * the machine no longer expects is ignored or refused and logged by {@link ProcessReporter}.
 *
 * <p>Before carrying an operation out again, recovery records {@code OperationResumed} on the machine (as the system,
 * under the request's correlation id), so the history says why the steps that follow repeat. Not being able to
 * record it does not stop the operation.
 *
 * <p>Operations requested after start-up are left alone: the processes of this instance are already running them.
 *
 * <p>With several command replicas every replica would resume every operation, although only the replica holding
 * the single segment of the {@value MachineWork#PROCESSING_GROUP} processor runs new ones. This should run only
 * where that segment is claimed (in the token store); that check is left for later.
 */
@Component
class PendingOperationsRecovery {

    private static final Logger log = LoggerFactory.getLogger(PendingOperationsRecovery.class);

    private final PendingOperations pending;
    private final MachineProcesses processes;
    private final CertificateRenewals renewals;
    private final CommandGateway commands;
    private final Instant startedAt;
    private final AtomicBoolean resumed = new AtomicBoolean();

    /**
     * Takes the start-up moment when the bean is made: singletons are made before Axon's processors and the web
     * server start, so nothing this instance dispatches can be older. Truncated to PostgreSQL's precision.
     */
    @Autowired
    PendingOperationsRecovery(PendingOperations pending, MachineProcesses processes, CertificateRenewals renewals,
                              CommandGateway commands) {
        this(pending, processes, renewals, commands, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    PendingOperationsRecovery(PendingOperations pending, MachineProcesses processes, CertificateRenewals renewals,
                              CommandGateway commands, Instant startedAt) {
        this.pending = pending;
        this.processes = processes;
        this.renewals = renewals;
        this.commands = commands;
        this.startedAt = startedAt;
    }

    /** Runs after every lifecycle bean, Axon's processors included, started; once, even if a child context is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!resumed.compareAndSet(false, true)) {
            return;
        }
        try {
            resume();
        } catch (RuntimeException e) {
            // Not fatal: the operations stay recorded and are resumed at the next start.
            log.error("Could not resume machine operations interrupted by a restart", e);
        }
    }

    void resume() {
        for (PendingOperation operation : pending.pendingOperations()) {
            if (operation.since().isBefore(startedAt)) {
                log.info("Resuming {} of machine {}, interrupted by a restart", operation.operation(),
                        operation.machineId().value());
                recordResumption(operation);
                if (operation.operation() == MachineOperation.RENEW_CERTS) {
                    renewals.resume(operation.machineId());
                } else {
                    processes.run(operation.machineId(), operation.operation(), operation.correlationId());
                }
            }
        }
    }

    private void recordResumption(PendingOperation operation) {
        try {
            CurrentActingContext.runAs(MachineWork.systemContext(operation.correlationId()), () ->
                    commands.sendAndWait(new RecordResumptionCommand(operation.machineId(),
                            operation.operation().name()), 30, TimeUnit.SECONDS));
        } catch (RuntimeException e) {
            log.warn("Could not record that {} of machine {} is resumed: {}", operation.operation(),
                    operation.machineId().value(), e.getMessage());
        }
    }
}
