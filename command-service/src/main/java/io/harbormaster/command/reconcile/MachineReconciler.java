package io.harbormaster.command.reconcile;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.lookup.JdbcLookups;
import io.harbormaster.command.lookup.MachineRecord;
import io.harbormaster.command.machine.ObserveAddressCommand;
import io.harbormaster.command.machine.ObserveMachineStateCommand;
import io.harbormaster.command.network.AddressCheck;
import io.harbormaster.driver.HostObservation;
import io.harbormaster.driver.MachineDriver;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every machine whose host exists: asks its driver for the host's current address and state, and for a machine
 * Harbormaster provisioned whose host answers, asks its Docker Engine itself ({@link EngineCheck}); then reports the
 * state, what did not answer and since when to the machine. A driver that fails for one machine does not hold up the
 * others. A machine whose address the platform may not connect to (any more) is not dialled at all.
 *
 * <p>Its cost follows what changes, not the size of the fleet:
 * <ul>
 *   <li>a cycle spreads the checks over the interval, each machine at a fixed slot (a hash of its id), so a machine
 *   is checked once per interval, the time from a change to its detection stays within the interval, and the load is
 *   flat instead of a burst. The slot is the same on every replica, so a cycle that moves to another replica with
 *   the lease ({@link ReconcilerLease}) keeps each machine's rhythm;</li>
 *   <li>an observation equal to the last one this reconciler reported is not sent again: the machine's aggregate
 *   would only have ignored it, after a load and a transaction. What it remembers is forgotten for a machine as soon
 *   as the machine has new events of any origin (one read of the event table's newest rows per cycle), and for all
 *   machines every {@code fullEvery} cycles;</li>
 *   <li>a machine's TLS material is re-read only when its events changed ({@link CertificatesInUse}), and its
 *   engine connection is kept ({@link EngineCheck}).</li>
 * </ul>
 */
public class MachineReconciler {

    private static final Logger log = LoggerFactory.getLogger(MachineReconciler.class);
    /** Slots fill this share of the interval, which leaves the checks of the last slots time to end in the cycle. */
    private static final double SPREAD = 0.9;
    /** Machines of a driver that answers for many at once are asked for together when their slots share a tick. */
    private static final Duration TICK = Duration.ofSeconds(1);

    private final JdbcLookups machines;
    private final DriverRegistry drivers;
    private final CommandGateway commands;
    private final CertificatesInUse certificates;
    private final EngineCheck engines;
    private final Clock clock;
    private final int parallelism;
    private final Duration passTimeout;
    private final AddressCheck addresses;
    private final RecentMachineEvents changes;
    private final ReconcilerMeters meters;
    private final int fullEvery;
    /** Each machine's problem and when this reconciler first saw it; a problem that stays keeps its time. */
    private final Map<MachineId, Seen> seen = new ConcurrentHashMap<>();
    /** What this reconciler last told each machine, while the machine had no other event since. */
    private final Map<MachineId, Observation> reported = new ConcurrentHashMap<>();
    private int cycles;

    MachineReconciler(JdbcLookups machines, DriverRegistry drivers, CommandGateway commands,
                      CertificatesInUse certificates, EngineCheck engines, Clock clock, int parallelism,
                      Duration passTimeout, AddressCheck addresses, RecentMachineEvents changes,
                      ReconcilerMeters meters, int fullEvery) {
        this.addresses = addresses;
        this.machines = machines;
        this.drivers = drivers;
        this.commands = commands;
        this.certificates = certificates;
        this.engines = engines;
        this.clock = clock;
        this.parallelism = parallelism;
        this.passTimeout = passTimeout;
        this.changes = changes;
        this.meters = meters;
        this.fullEvery = Math.max(1, fullEvery);
    }

    /** Checks every machine now, as many at once as the parallelism allows; answers how many were looked at. */
    public int reconcileAll() {
        return cycle(machine -> 0, Pacer.SLEEPING);
    }

    /**
     * One cycle with each machine's check at its slot in {@code interval}; returns when every check has answered (or
     * the pass timeout ran out) and answers how many machines were looked at.
     */
    public int reconcileSpread(Duration interval) {
        return reconcileSpread(interval, Pacer.SLEEPING);
    }

    int reconcileSpread(Duration interval, Pacer pacer) {
        return cycle(machine -> slot(machine.machineId(), interval), pacer);
    }

    /** Where in the interval the machine is checked, in nanoseconds from the cycle's start; the same every cycle. */
    long slot(MachineId machineId, Duration interval) {
        long span = Math.max(1, (long) (interval.toNanos() * SPREAD));
        var uuid = UUID.fromString(machineId.value());
        long mixed = (uuid.getLeastSignificantBits() ^ uuid.getMostSignificantBits()) * 0x9E3779B97F4A7C15L;
        return Math.floorMod(mixed ^ (mixed >>> 29), span);
    }

    private int cycle(ToLongFunction<MachineRecord> slots, Pacer pacer) {
        var started = System.nanoTime();
        var all = refresh();
        var permits = new Semaphore(parallelism);
        var context = new ActingContext(AuditMetadata.SYSTEM_ACTOR, "reconciler", Channel.RECONCILER, "",
                UUID.randomUUID().toString());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new ArrayList<Future<?>>();
            for (var work : plan(all, slots)) {
                var due = started + work.offset();
                pacer.awaitUntil(due);
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                if (work.grouped()) {
                    done.add(threads.submit(() -> CurrentActingContext.runAs(context,
                            () -> reconcileGroup(work.machines(), permits, due, context))));
                    continue;
                }
                // A machine's thread starts only once a permit is free: all started at once (a whole fleet checked
                // now), each would wait for a permit with its stack on the heap (10 MiB at 10,000 machines).
                if (!acquire(permits)) {
                    log.warn("Reconciler cycle stopped after {} of {} machines: no check finished within {}",
                            done.size(), all.size(), passTimeout);
                    break;
                }
                done.add(threads.submit(() -> CurrentActingContext.runAs(context, () -> {
                    try {
                        meters.startDelay().record(Math.max(0, System.nanoTime() - due), TimeUnit.NANOSECONDS);
                        meters.check().record(() -> reconcile(work.machines().getFirst()));
                    } finally {
                        permits.release();
                    }
                })));
            }
            var deadline = System.nanoTime() + passTimeout.toNanos();
            for (var future : done) {
                try {
                    future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    future.cancel(true);
                }
            }
        }
        meters.cycle().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
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

    /**
     * What to do when in a cycle: a machine whose driver answers for one host at a time at its own slot; machines
     * whose driver answers for many at once ({@link io.harbormaster.driver.MachineDriver#observesAtOnce}) grouped by
     * driver into the tick their slots fall in, as many per group as the driver takes.
     */
    private List<Work> plan(List<MachineRecord> all, ToLongFunction<MachineRecord> slots) {
        var work = new ArrayList<Work>();
        var grouped = new java.util.LinkedHashMap<Tick, List<MachineRecord>>();
        for (var machine : all) {
            var slot = slots.applyAsLong(machine);
            var atOnce = drivers.names().contains(machine.driver()) ? drivers.get(machine.driver()).observesAtOnce()
                    : 1;
            if (atOnce <= 1) {
                work.add(new Work(slot, List.of(machine), false));
            } else {
                var tick = slot / TICK.toNanos();
                grouped.computeIfAbsent(new Tick(machine.driver(), tick), key -> new ArrayList<>()).add(machine);
            }
        }
        grouped.forEach((key, machines) -> {
            var atOnce = drivers.get(key.driver()).observesAtOnce();
            var offset = key.index() * TICK.toNanos();
            for (int from = 0; from < machines.size(); from += atOnce) {
                work.add(new Work(offset, List.copyOf(machines.subList(from, Math.min(machines.size(),
                        from + atOnce))), true));
            }
        });
        work.sort(Comparator.comparingLong(Work::offset));
        return work;
    }

    /**
     * The machines to check, with what is remembered of them brought up to date: machines that are gone are
     * forgotten, machines with new events are re-read and re-reported, and every {@code fullEvery} cycles all are.
     */
    private List<MachineRecord> refresh() {
        var all = machines.withHosts();
        var ids = all.stream().map(MachineRecord::machineId).collect(Collectors.toSet());
        seen.keySet().retainAll(ids);
        reported.keySet().retainAll(ids);
        certificates.keepOnly(ids);
        engines.keepOnly(ids);
        var changed = changes.since();
        cycles++;
        if (changed.isEmpty() || cycles % fullEvery == 0) {
            reported.clear();
            certificates.allChanged();
        } else {
            var machinesChanged = ids.stream().filter(id -> changed.get().contains(id.value()))
                    .collect(Collectors.toSet());
            reported.keySet().removeAll(machinesChanged);
            certificates.changed(machinesChanged);
        }
        return all;
    }

    /** One machine: its driver's look at the host, then what follows from it. */
    private void reconcile(MachineRecord machine) {
        meters.checked().increment();
        if (!checkable(machine)) {
            return;
        }
        var driver = drivers.get(machine.driver());
        var ref = machine.toRef();
        try {
            var addresses = driver.addresses(ref);
            conclude(machine, driver, new HostObservation(driver.state(ref), addresses));
        } catch (RuntimeException e) {
            log.debug("Reconciling machine {} failed: {}", machine.name(), e.getMessage());
        }
    }

    /**
     * Machines of one driver that answers for many hosts in one call: one call for all of them, then what follows
     * for each machine in parallel (engine checks and reports), within the same parallelism.
     */
    private void reconcileGroup(List<MachineRecord> machines, Semaphore permits, long due, ActingContext context) {
        var started = System.nanoTime();
        machines.forEach(machine -> meters.checked().increment());
        var checkable = machines.stream().filter(this::checkable).toList();
        if (checkable.isEmpty()) {
            return;
        }
        var driver = drivers.get(checkable.getFirst().driver());
        Map<MachineId, HostObservation> seen;
        // the group's call holds one permit, released before its machines' checks each take one
        permits.acquireUninterruptibly();
        try {
            meters.startDelay().record(Math.max(0, System.nanoTime() - due), TimeUnit.NANOSECONDS);
            seen = driver.observe(checkable.stream().map(MachineRecord::toRef).toList());
        } catch (RuntimeException e) {
            log.debug("Reconciling {} {} machines failed: {}", checkable.size(), driver.name(), e.getMessage());
            return;
        } finally {
            permits.release();
        }
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var machine : checkable) {
                var observation = seen.get(machine.machineId());
                if (observation == null) {
                    continue;
                }
                threads.submit(() -> {
                    permits.acquireUninterruptibly();
                    try {
                        CurrentActingContext.runAs(context, () -> conclude(machine, driver, observation));
                    } catch (RuntimeException e) {
                        log.debug("Reconciling machine {} failed: {}", machine.name(), e.getMessage());
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        meters.check().record((System.nanoTime() - started) / checkable.size(), TimeUnit.NANOSECONDS);
    }

    private boolean checkable(MachineRecord machine) {
        if (!drivers.names().contains(machine.driver())) {
            return false;
        }
        var refused = addresses.refusal(machine.options(), machine.dockerUrl());
        if (refused.isPresent()) {
            log.info("Not checking machine {}: {}", machine.name(), refused.get());
            return false;
        }
        return true;
    }

    /** What follows from the driver's look: a new address, the engine's answer, and the report when it changed. */
    private void conclude(MachineRecord machine, MachineDriver driver, HostObservation host) {
        var addresses = host.addresses();
        var current = URI.create(machine.dockerUrl()).getHost();
        var moved = !addresses.isEmpty() && !addresses.contains(current);
        if (moved) {
            log.info("Machine {} answers at {} now (was {})", machine.name(), addresses.getFirst(), current);
            commands.sendAndWait(new ObserveAddressCommand(machine.machineId(), addresses.getFirst()), 60,
                    TimeUnit.SECONDS);
            reported.remove(machine.machineId());
        }
        var state = host.state().state();
        var problem = host.state().problem();
        // the engine at an address the host just left is asked at the new one in the next pass
        if (state == MachineState.Running && driver.provisions() && !moved) {
            var material = certificates.of(machine.machineId());
            if (material.isPresent()) {
                problem = engines.problem(machine.machineId(), machine.dockerUrl(), material.get());
                state = problem == null ? MachineState.Running : MachineState.Error;
            }
        }
        report(machine, new Observation(state, problem, machine.dockerUrl()));
    }

    private void report(MachineRecord machine, Observation observation) {
        var id = machine.machineId();
        var since = since(id, observation.problem());
        if (observation.equals(reported.get(id))) {
            return;
        }
        commands.sendAndWait(new ObserveMachineStateCommand(id, observation.state(), observation.problem(), since),
                30, TimeUnit.SECONDS);
        meters.reported().increment();
        reported.put(id, observation);
    }

    private Instant since(MachineId machineId, String problem) {
        if (problem == null) {
            seen.remove(machineId);
            return null;
        }
        return seen.compute(machineId, (id, before) -> before != null && before.problem().equals(problem) ? before
                : new Seen(problem, clock.instant().truncatedTo(ChronoUnit.SECONDS))).since();
    }

    /** What a check found; the URL is part of it, so an observation made at another address is never taken as equal. */
    private record Observation(MachineState state, String problem, String dockerUrl) {
        Observation {
            Objects.requireNonNull(state, "state");
        }
    }

    /** Machines to look at together at {@code offset} into the cycle; {@code grouped} when one driver call is for all. */
    private record Work(long offset, List<MachineRecord> machines, boolean grouped) {
    }

    /** The machines of one driver whose slots fall in the same tick of a cycle. */
    private record Tick(String driver, long index) {
    }

    private record Seen(String problem, Instant since) {
    }

    /** For tests: the machines this reconciler would not report again unless they change. */
    Set<MachineId> remembered() {
        return Set.copyOf(reported.keySet());
    }
}
