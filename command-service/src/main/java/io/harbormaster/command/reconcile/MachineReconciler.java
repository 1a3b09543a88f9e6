package io.harbormaster.command.reconcile;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.common.Channel;
import io.harbormaster.command.machine.ObserveAddressCommand;
import io.harbormaster.command.machine.ObserveMachineStateCommand;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.lookup.JdbcLookups;
import io.harbormaster.command.lookup.MachineRecord;
import io.harbormaster.command.network.AddressCheck;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over every machine whose host exists: asks its driver, in parallel (at most {@code parallelism} at once, on
 * virtual threads), for the host's current address and state, and for a machine Harbormaster provisioned whose host
 * answers, asks its Docker Engine itself ({@link EngineCheck}); then reports the state, what did not answer and since
 * when to the machine, which records only changes. A driver that fails for one machine does not hold up the others. A
 * machine whose address the platform may not connect to (any more) is not dialled at all.
 */
public class MachineReconciler {

    private static final Logger log = LoggerFactory.getLogger(MachineReconciler.class);

    private final JdbcLookups machines;
    private final DriverRegistry drivers;
    private final CommandGateway commands;
    private final CertificatesInUse certificates;
    private final EngineCheck engines;
    private final Clock clock;
    private final int parallelism;
    private final Duration passTimeout;
    private final AddressCheck addresses;
    /** Each machine's problem and when this reconciler first saw it; a problem that stays keeps its time. */
    private final Map<MachineId, Seen> seen = new ConcurrentHashMap<>();

    MachineReconciler(JdbcLookups machines, DriverRegistry drivers, CommandGateway commands,
                      CertificatesInUse certificates, EngineCheck engines, Clock clock, int parallelism,
                      Duration passTimeout, AddressCheck addresses) {
        this.addresses = addresses;
        this.machines = machines;
        this.drivers = drivers;
        this.commands = commands;
        this.certificates = certificates;
        this.engines = engines;
        this.clock = clock;
        this.parallelism = parallelism;
        this.passTimeout = passTimeout;
    }

    /** One pass; answers how many machines were looked at. */
    public int reconcileAll() {
        var all = machines.withHosts();
        var ids = all.stream().map(MachineRecord::machineId).collect(Collectors.toSet());
        seen.keySet().retainAll(ids);
        certificates.keepOnly(ids);
        engines.keepOnly(ids);
        var permits = new Semaphore(parallelism);
        var context = new ActingContext(AuditMetadata.SYSTEM_ACTOR, "reconciler", Channel.RECONCILER, "",
                UUID.randomUUID().toString());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new ArrayList<Future<?>>();
            // A machine's thread starts only once a permit is free: started all at once, every machine's thread
            // waited on the permits with its stack on the heap (10,000 threads, 10 MiB at 10,000 machines).
            for (var machine : all) {
                if (!acquire(permits)) {
                    log.warn("Reconciler pass stopped after {} of {} machines: no check finished within {}",
                            done.size(), all.size(), passTimeout);
                    break;
                }
                done.add(threads.submit(() -> {
                    try {
                        CurrentActingContext.runAs(context, () -> reconcile(machine));
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (var future : done) {
                try {
                    future.get(passTimeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    future.cancel(true);
                }
            }
        }
        return all.size();
    }

    private boolean acquire(Semaphore permits) {
        try {
            return permits.tryAcquire(passTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void reconcile(MachineRecord machine) {
        if (!drivers.names().contains(machine.driver())) {
            return;
        }
        var refused = addresses.refusal(machine.options(), machine.dockerUrl());
        if (refused.isPresent()) {
            log.info("Not checking machine {}: {}", machine.name(), refused.get());
            return;
        }
        var driver = drivers.get(machine.driver());
        var ref = machine.toRef();
        try {
            var addresses = driver.addresses(ref);
            var current = URI.create(machine.dockerUrl()).getHost();
            var moved = !addresses.isEmpty() && !addresses.contains(current);
            if (moved) {
                log.info("Machine {} answers at {} now (was {})", machine.name(), addresses.getFirst(), current);
                commands.sendAndWait(new ObserveAddressCommand(machine.machineId(), addresses.getFirst()), 60,
                        TimeUnit.SECONDS);
            }
            var host = driver.state(ref);
            var state = host.state();
            var problem = host.problem();
            // the engine at an address the host just left is asked at the new one in the next pass
            if (state == MachineState.Running && driver.provisions() && !moved) {
                var material = certificates.of(machine.machineId());
                if (material.isPresent()) {
                    problem = engines.problem(machine.machineId(), machine.dockerUrl(), material.get());
                    state = problem == null ? MachineState.Running : MachineState.Error;
                }
            }
            commands.sendAndWait(new ObserveMachineStateCommand(machine.machineId(), state, problem,
                    since(machine.machineId(), problem)), 30, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            log.debug("Reconciling machine {} failed: {}", machine.name(), e.getMessage());
        }
    }

    private Instant since(MachineId machineId, String problem) {
        if (problem == null) {
            seen.remove(machineId);
            return null;
        }
        return seen.compute(machineId, (id, before) -> before != null && before.problem().equals(problem) ? before
                : new Seen(problem, clock.instant().truncatedTo(ChronoUnit.SECONDS))).since();
    }

    private record Seen(String problem, Instant since) {
    }
}
