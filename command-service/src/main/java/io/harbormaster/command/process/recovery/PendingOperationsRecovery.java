package io.harbormaster.command.process.recovery;

import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.command.machine.RecordResumptionCommand;
import io.harbormaster.command.process.MachineOperation;
import io.harbormaster.command.process.MachineProcessesClaimed;
import io.harbormaster.command.process.MachineWork;
import io.harbormaster.command.process.certificate.CertificateRenewals;
import io.harbormaster.command.process.PendingOperation;
import io.harbormaster.command.process.PendingOperations;
import io.harbormaster.command.process.operation.MachineProcesses;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
 * <p>With several replicas, only the replica holding the segment of the {@value MachineWork#PROCESSING_GROUP}
 * processor carries out operations, so only it resumes them: at start when it holds the segment then, and whenever
 * it claims the segment later ({@link MachineProcessesClaimed}, e.g. taking over from a replica that died), every
 * operation requested before that moment. A replica that starts while another holds the segment resumes nothing.
 * Within one node the same operation never runs twice at once ({@code MachineWork}'s in-flight guard), and one that
 * already ended is not pending any more.
 */
@Component
class PendingOperationsRecovery {

    private static final Logger log = LoggerFactory.getLogger(PendingOperationsRecovery.class);

    private final PendingOperations pending;
    private final MachineProcesses processes;
    private final CertificateRenewals renewals;
    private final CommandGateway commands;
    private final Instant startedAt;
    private final BooleanSupplier holdsProcesses;
    private final AtomicBoolean ready = new AtomicBoolean();

    /**
     * Takes the start-up moment when the bean is made: singletons are made before Axon's processors and the web
     * server start, so nothing this instance dispatches can be older. Truncated to PostgreSQL's precision.
     */
    @Autowired
    PendingOperationsRecovery(PendingOperations pending, MachineProcesses processes, CertificateRenewals renewals,
                              CommandGateway commands, ObjectProvider<EventProcessingConfiguration> processing) {
        this(pending, processes, renewals, commands, Instant.now().truncatedTo(ChronoUnit.MICROS),
                () -> processing.getObject().eventProcessor(MachineWork.PROCESSING_GROUP, StreamingEventProcessor.class)
                        .map(processor -> !processor.processingStatus().isEmpty()).orElse(false));
    }

    /** On one node, which always holds the segment (the tests'). */
    PendingOperationsRecovery(PendingOperations pending, MachineProcesses processes, CertificateRenewals renewals,
                              CommandGateway commands, Instant startedAt) {
        this(pending, processes, renewals, commands, startedAt, () -> true);
    }

    PendingOperationsRecovery(PendingOperations pending, MachineProcesses processes, CertificateRenewals renewals,
                              CommandGateway commands, Instant startedAt, BooleanSupplier holdsProcesses) {
        this.pending = pending;
        this.processes = processes;
        this.renewals = renewals;
        this.commands = commands;
        this.startedAt = startedAt;
        this.holdsProcesses = holdsProcesses;
    }

    /**
     * Runs after every lifecycle bean, Axon's processors included, started; once, even if a child context is ready.
     * Resumes when this node holds the machine processes' segment by then.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!ready.compareAndSet(false, true) || !holdsProcesses.getAsBoolean()) {
            return;
        }
        resumeSafely(startedAt);
    }

    /**
     * The segment was claimed after this node was ready (taken over from a replica that died or let it go): what
     * was requested before now is this node's to finish. Runs on a thread of its own, not the processor's.
     */
    @EventListener(MachineProcessesClaimed.class)
    void onClaimed() {
        if (!ready.get()) {
            return; // the claim at start: onReady resumes
        }
        var claimedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Thread.ofVirtual().name("resume-after-claim").start(() -> resumeSafely(claimedAt));
    }

    private void resumeSafely(Instant before) {
        try {
            resume(before);
        } catch (RuntimeException e) {
            // Not fatal: the operations stay recorded and are resumed at the next start or claim.
            log.error("Could not resume machine operations interrupted by a restart", e);
        }
    }

    void resume() {
        resume(startedAt);
    }

    private void resume(Instant before) {
        for (PendingOperation operation : pending.pendingOperations()) {
            // a claim regained after a blip finds the work it was doing still running: nothing to resume
            if (operation.since().isBefore(before) && !processes.running(operation.machineId(),
                    operation.operation(), operation.correlationId())) {
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
