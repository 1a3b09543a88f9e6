package io.harbormaster.command.process;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.command.driver.DriverCallExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one skeleton of every machine process: a request event was stored, so bounded work runs on the driver
 * executor's virtual threads, as the system under the request's correlation id, and its outcome goes back to the
 * machine as a report command. Work is handed over only after the unit of work that saw the request committed, so a
 * rolled-back event never reaches a host, and the same work never runs twice at once: not in this process (the
 * in-flight set), nor on two replicas ({@link MachineWorkClaims}: the segment of a machine can move to another
 * replica while this one still carries out its work, and the new holder resumes what is pending).
 */
@Component
public class MachineWork {

    /** The tracking processing group of the machine processes: their work must never hold up a command. */
    public static final String PROCESSING_GROUP = "machine-processes";

    private static final Logger log = LoggerFactory.getLogger(MachineWork.class);

    private final DriverCallExecutor executor;
    private final ProcessReporter reporter;
    /**
     * Work submitted and not finished. At start-up the processor may deliver again an event whose token it had not
     * stored while recovery resumes the same work; this keeps a driver from being called twice for it.
     */
    private final Set<Key> inFlight = ConcurrentHashMap.newKeySet();

    private final MachineWorkClaims claims;

    /** For a platform that runs as one process (tests): no other replica can hold a request's work. */
    public MachineWork(DriverCallExecutor executor, CommandGateway commands) {
        this(executor, commands, MachineWorkClaims.thisProcessOnly());
    }

    @Autowired
    public MachineWork(DriverCallExecutor executor, CommandGateway commands, MachineWorkClaims claims) {
        this.executor = executor;
        this.reporter = new ProcessReporter(commands);
        this.claims = claims;
    }

    /** The acting context of work the platform does for the request {@code correlationId}. */
    public static ActingContext systemContext(String correlationId) {
        return new ActingContext(AuditMetadata.SYSTEM_ACTOR, PROCESSING_GROUP, Channel.SYSTEM, "", correlationId);
    }

    /**
     * Once the current unit of work (if any) committed: unless {@code kind} of work for the machine under
     * {@code correlationId} is already running, or {@code stillWanted} says it was settled meanwhile, runs
     * {@code work} and reports the command it answers (nothing for null); when it throws, reports
     * {@code failure}'s command with a reason fit for users.
     */
    public void afterCommit(MachineId id, String kind, String correlationId, BooleanSupplier stillWanted,
                            BiFunction<MachineId, String, Object> failure, Callable<Object> work) {
        afterCommit(id, kind, systemContext(correlationId), stillWanted, failure, work);
    }

    /**
     * The same, acting as {@code actor}: for work whose report records a decision the requester made (a hand-off
     * recorded with its new CA), so the history names who decided.
     */
    public void afterCommit(MachineId id, String kind, ActingContext actor, BooleanSupplier stillWanted,
                            BiFunction<MachineId, String, Object> failure, Callable<Object> work) {
        var correlationId = actor.correlationId();
        var key = new Key(id, kind, correlationId);
        afterCommit(() -> {
            if (!inFlight.add(key)) {
                log.info("{} of machine {} is already running; not starting it twice", kind, id.value());
                return;
            }
            Runnable run = () -> executor.submit(() -> {
                try {
                    if (!stillWanted.getAsBoolean()) {
                        // Already settled: an old event seen again (first start of the processor, a redelivery).
                        log.debug("{} of machine {} is no longer pending; nothing to do", kind, id.value());
                        return;
                    }
                    CurrentActingContext.runAs(actor, () -> reporter.run(id, failure, work));
                } finally {
                    releaseClaim(key);
                    inFlight.remove(key);
                }
            });
            if (claimed(key)) {
                run.run();
            } else {
                // Another replica holds it: it let this machine's segment go (or is about to be found dead) while
                // carrying the work out. Wait, off the processor's thread, until it finished or is gone.
                Thread.ofVirtual().name("await-work-claim").start(() -> {
                    if (awaitClaim(key, stillWanted)) {
                        run.run();
                    } else {
                        inFlight.remove(key);
                    }
                });
            }
        });
    }

    /** How long to wait for another replica's claim on the same work, and how often to look again. */
    private static final Duration CLAIM_WAIT = Duration.ofHours(1);
    private static final Duration CLAIM_RETRY = Duration.ofSeconds(1);

    private boolean claimed(Key key) {
        try {
            return claims.claim(key.machineId(), key.kind(), key.correlationId());
        } catch (RuntimeException e) {
            log.warn("Could not claim {} of machine {}: {}", key.kind(), key.machineId().value(), e.getMessage());
            return false;
        }
    }

    private boolean awaitClaim(Key key, BooleanSupplier stillWanted) {
        var giveUpAt = Instant.now().plus(CLAIM_WAIT);
        try {
            while (Instant.now().isBefore(giveUpAt)) {
                Thread.sleep(CLAIM_RETRY);
                if (claimed(key)) {
                    return true;
                }
                if (!stillWanted.getAsBoolean()) {
                    log.debug("{} of machine {} was finished by another replica", key.kind(), key.machineId().value());
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            log.warn("Gave up waiting for {} of machine {}: {}", key.kind(), key.machineId().value(), e.getMessage());
            return false;
        }
        log.warn("{} of machine {} stayed claimed by another replica for {}; left to the next recovery", key.kind(),
                key.machineId().value(), CLAIM_WAIT);
        return false;
    }

    private void releaseClaim(Key key) {
        try {
            claims.release(key.machineId(), key.kind(), key.correlationId());
        } catch (RuntimeException e) {
            // the row stays until this replica is gone or claims the same work again
            log.warn("Could not release the claim on {} of machine {}: {}", key.kind(), key.machineId().value(),
                    e.getMessage());
        }
    }

    /** Whether this node is carrying out that work right now. */
    public boolean inFlight(MachineId id, String kind, String correlationId) {
        return inFlight.contains(new Key(id, kind, correlationId));
    }

    /** Whether another replica, live, is carrying out that work right now (this one would wait for it). */
    public boolean claimedElsewhere(MachineId id, String kind, String correlationId) {
        try {
            return claims.claimedElsewhere(id, kind, correlationId);
        } catch (RuntimeException e) {
            log.warn("Could not tell whether another replica runs {} of machine {}: {}", kind, id.value(),
                    e.getMessage());
            return false;
        }
    }

    /** The reporter that work uses for reports made while it runs (progress, host keys). */
    public ProcessReporter reporter() {
        return reporter;
    }

    private static void afterCommit(Runnable submit) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> submit.run());
        } else {
            submit.run();
        }
    }

    private record Key(MachineId machineId, String kind, String correlationId) {
    }
}
