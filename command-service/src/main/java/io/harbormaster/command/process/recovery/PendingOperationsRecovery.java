package io.harbormaster.command.process.recovery;

import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.machine.RecordResumptionCommand;
import io.harbormaster.command.process.MachineOperation;
import io.harbormaster.command.process.MachineProcessesClaimed;
import io.harbormaster.command.process.MachineWork;
import io.harbormaster.command.process.certificate.CertificateRenewals;
import io.harbormaster.command.process.PendingOperation;
import io.harbormaster.command.process.PendingOperations;
import io.harbormaster.command.process.operation.MachineProcesses;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
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
 * <p>The machine processes have several segments, and with several replicas each holds some of them: a replica
 * carries out the operations of the machines whose events fall in its segments ({@link MachineSegments}), so it
 * resumes only those: at start, the machines of the segments it holds by then; whenever it claims a segment later
 * ({@link MachineProcessesClaimed}: taking over from a replica that died or let it go), that segment's machines'
 * operations requested before that moment. A replica that holds no segment resumes nothing. Within one node the same
 * operation never runs twice at once ({@code MachineWork}'s in-flight guard), and across replicas the work's claim
 * ({@code MachineWorkClaims}) keeps the replica that let a segment go in the middle of an operation and the one that
 * took it over from both calling the driver: an operation another live replica still carries out is neither resumed
 * nor recorded as resumed here until that replica reported it (then it is not pending any more) or is gone.
 */
@Component
class PendingOperationsRecovery {

    private static final Logger log = LoggerFactory.getLogger(PendingOperationsRecovery.class);

    private final PendingOperations pending;
    private final MachineProcesses processes;
    private final CertificateRenewals renewals;
    private final CommandGateway commands;
    private final Instant startedAt;
    private final Supplier<Predicate<MachineId>> heldMachines;
    private final Function<List<Segment>, Predicate<MachineId>> machinesIn;
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
                        .map(processor -> processor.processingStatus().values().stream()
                                .map(EventTrackerStatus::getSegment).toList())
                        .orElse(List.of()),
                segments -> new MachineSegments(segments,
                        processing.getObject().sequencingPolicy(MachineWork.PROCESSING_GROUP)));
    }

    /** On one node, which always holds every machine (the tests'). */
    PendingOperationsRecovery(PendingOperations pending, MachineProcesses processes, CertificateRenewals renewals,
                              CommandGateway commands, Instant startedAt) {
        this(pending, processes, renewals, commands, startedAt, () -> List.of(Segment.ROOT_SEGMENT),
                segments -> machine -> !segments.isEmpty());
    }

    /**
     * {@code heldSegments} answers the segments of the machine processes this node holds now; {@code machinesIn}
     * the machines of some segments.
     */
    PendingOperationsRecovery(PendingOperations pending, MachineProcesses processes, CertificateRenewals renewals,
                              CommandGateway commands, Instant startedAt, Supplier<List<Segment>> heldSegments,
                              Function<List<Segment>, Predicate<MachineId>> machinesIn) {
        this.pending = pending;
        this.processes = processes;
        this.renewals = renewals;
        this.commands = commands;
        this.startedAt = startedAt;
        this.heldMachines = () -> {
            var held = heldSegments.get();
            return held.isEmpty() ? null : machinesIn.apply(held);
        };
        this.machinesIn = machinesIn;
    }

    /**
     * Runs after every lifecycle bean, Axon's processors included, started; once, even if a child context is ready.
     * Resumes the operations of the machines in the segments this node holds by then.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!ready.compareAndSet(false, true)) {
            return;
        }
        var held = heldMachines.get();
        if (held != null) {
            resumeSafely(startedAt, held);
        }
    }

    /**
     * Segments were claimed after this node was ready (taken over from a replica that died or let them go): what was
     * requested before now for their machines is this node's to finish. Runs on a thread of its own, not the
     * processor's.
     */
    @EventListener(MachineProcessesClaimed.class)
    void onClaimed(MachineProcessesClaimed claimed) {
        if (!ready.get() || claimed.segments().isEmpty()) {
            return; // the claims at start: onReady resumes
        }
        var claimedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var machines = machinesIn.apply(claimed.segments());
        Thread.ofVirtual().name("resume-after-claim").start(() -> resumeSafely(claimedAt, machines));
    }

    private void resumeSafely(Instant before, Predicate<MachineId> machines) {
        try {
            resume(before, machines);
        } catch (RuntimeException e) {
            // Not fatal: the operations stay recorded and are resumed at the next start or claim.
            log.error("Could not resume machine operations interrupted by a restart", e);
        }
    }

    void resume() {
        resume(startedAt, machine -> true);
    }

    private void resume(Instant before, Predicate<MachineId> machines) {
        for (PendingOperation operation : pending.pendingOperations()) {
            // a claim regained after a blip finds the work it was doing still running: nothing to resume
            if (operation.since().isBefore(before) && machines.test(operation.machineId())
                    && !processes.running(operation.machineId(), operation.operation(), operation.correlationId())) {
                if (runningElsewhere(operation)) {
                    // the replica that had the segment still carries it out: nothing was interrupted yet
                    log.info("{} of machine {} is being carried out by another replica; resumed here only if that "
                            + "replica goes", operation.operation(), operation.machineId().value());
                    Thread.ofVirtual().name("resume-when-free").start(() -> resumeOnceFree(operation));
                } else {
                    resumeNow(operation);
                }
            }
        }
    }

    private boolean runningElsewhere(PendingOperation operation) {
        return processes.runningElsewhere(operation.machineId(), operation.operation(), operation.correlationId());
    }

    /** How long to watch another replica's work, and how often to look. */
    private static final Duration WATCH_FOR = Duration.ofHours(1);
    private static final Duration WATCH_EVERY = Duration.ofSeconds(1);

    /**
     * Watches another replica's work on an operation of a segment this node now holds: done once it is no longer
     * pending (that replica reported), resumed here once that replica no longer holds it (it went).
     */
    private void resumeOnceFree(PendingOperation operation) {
        var until = Instant.now().plus(WATCH_FOR);
        try {
            while (Instant.now().isBefore(until)) {
                Thread.sleep(WATCH_EVERY);
                if (pending.pendingOperations().stream().noneMatch(operation::equals)) {
                    return;
                }
                if (!runningElsewhere(operation)) {
                    resumeNow(operation);
                    return;
                }
            }
            log.warn("{} of machine {} stayed with another replica for {}; left to the next recovery",
                    operation.operation(), operation.machineId().value(), WATCH_FOR);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Could not resume {} of machine {}", operation.operation(), operation.machineId().value(), e);
        }
    }

    private void resumeNow(PendingOperation operation) {
        log.info("Resuming {} of machine {}, interrupted by a restart", operation.operation(),
                operation.machineId().value());
        recordResumption(operation);
        if (operation.operation() == MachineOperation.RENEW_CERTS) {
            renewals.resume(operation.machineId());
        } else {
            processes.run(operation.machineId(), operation.operation(), operation.correlationId());
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
