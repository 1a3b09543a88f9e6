package io.harbormaster.db.replicas;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Shares the streaming processors' segments between the replicas. Axon claims greedily: the first replica to start
 * takes every segment and keeps it for as long as it lives. Every {@code interval} this replica stamps its heartbeat,
 * counts the live replicas, and where it holds more of a processor's segments than its {@link FairShare} it lets the
 * extra ones go ({@link StreamingEventProcessor#releaseSegment(int, long, TimeUnit)}) for {@code releaseFor}, long
 * enough for another replica's idle thread to claim them (they look every {@link ProcessorSegments#CLAIM_INTERVAL});
 * if none does, this replica takes them back afterwards.
 *
 * <p>It also brings a processor up to its {@link ProcessorSegments#segments()}: a database made before the processor
 * had that many keeps its old segments (Axon creates the initial segments only on an empty token table), so the
 * replica holding the biggest segment splits it, one split per round. Only the holder can split a segment, so two
 * replicas never split the same one.
 *
 * <p>A replica counts as live while its heartbeat is younger than three intervals and half the claim timeout: a
 * replica that died stops counting after that, before its segments can be claimed by the others (once its claims
 * are older than the token claim timeout).
 */
public final class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final ReplicaNode node;
    private final ReplicaHeartbeats heartbeats;
    private final Supplier<Map<String, EventProcessor>> processors;
    private final Supplier<TokenStore> tokenStore;
    private final List<ProcessorSegments> wanted;
    private final Duration interval;
    private final Duration liveFor;
    private final Duration releaseFor;
    private final boolean balancing;
    private ScheduledExecutorService scheduler;
    /**
     * The last split asked for, by processor: one at a time, or the next round would split the same segment again
     * before the first split is done. One that does not finish within {@link #SPLIT_PATIENCE} (its segment moved on
     * meanwhile) no longer holds the next one up.
     */
    private final Map<String, Split> splitting = new ConcurrentHashMap<>();
    private static final Duration SPLIT_PATIENCE = Duration.ofSeconds(30);

    private record Split(CompletableFuture<Boolean> result, long askedAtNanos) {

        boolean inProgress() {
            return !result.isDone() && System.nanoTime() - askedAtNanos < SPLIT_PATIENCE.toNanos();
        }
    }

    public SegmentBalancer(ReplicaNode node, ReplicaHeartbeats heartbeats,
                           Supplier<Map<String, EventProcessor>> processors, Supplier<TokenStore> tokenStore,
                           List<ProcessorSegments> wanted, Duration interval, Duration claimTimeout,
                           Duration releaseFor, boolean balancing) {
        this.node = node;
        this.heartbeats = heartbeats;
        this.processors = processors;
        this.tokenStore = tokenStore;
        this.wanted = List.copyOf(wanted);
        if (interval.isNegative() || interval.isZero() || releaseFor.isNegative() || releaseFor.isZero()) {
            throw new IllegalArgumentException("harbormaster.processors.balance-interval (" + interval + ") and "
                    + "harbormaster.processors.release-for (" + releaseFor + ") must be positive, e.g. 2s and 15s");
        }
        this.interval = interval;
        // Three missed beats before a replica stops counting, and at most half the claim timeout: a replica that
        // died must stop counting before the others can claim its segments (the claim timeout after its last claim
        // renewal, about a second before it died), or the one claiming them would count it still and let them go
        // again to nobody. A slow beat only makes the others share less, never gives a segment to a replica that
        // is not there.
        this.liveFor = min(interval.multipliedBy(3), claimTimeout.dividedBy(2));
        if (liveFor.compareTo(interval.multipliedBy(3).dividedBy(2)) < 0) {
            log.warn("harbormaster.processors.balance-interval ({}) should be at most a third of the token claim "
                    + "timeout ({}): live replicas may be missed between two heartbeats", interval, claimTimeout);
        }
        this.releaseFor = releaseFor;
        this.balancing = balancing;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One round: heartbeat, then each processor's share and wanted segment count. */
    public void balance() {
        heartbeats.beat(node);
        if (!balancing) {
            return;
        }
        int replicas = heartbeats.live(liveFor);
        processors.get().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                balance(name, streaming, replicas);
            }
        });
    }

    private void balance(String name, StreamingEventProcessor processor, int replicas) {
        Map<Integer, EventTrackerStatus> held = processor.processingStatus();
        if (held.isEmpty()) {
            return;
        }
        int segments = tokenStore.get().fetchSegments(name).length;
        var release = new FairShare(segments, replicas).toRelease(held.keySet());
        for (int segment : release) {
            log.info("Releasing segment {} of {} for {}: {} replicas share {} segments", segment, name, releaseFor,
                    replicas, segments);
            processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (release.isEmpty()) {
            splitTowardsWanted(name, processor, held, segments);
        }
    }

    private void splitTowardsWanted(String name, StreamingEventProcessor processor, Map<Integer, EventTrackerStatus> held,
                                    int segments) {
        int target = wanted.stream().filter(w -> w.processor().equals(name)).mapToInt(ProcessorSegments::segments)
                .findFirst().orElse(segments);
        var pending = splitting.get(name);
        if (segments >= target || (pending != null && pending.inProgress())) {
            return;
        }
        // the biggest segment (smallest mask) is split first, so the segments end up near equal
        held.values().stream().filter(status -> !status.isErrorState())
                .min(Comparator.comparingInt(status -> status.getSegment().getMask()))
                .ifPresent(status -> {
                    int id = status.getSegment().getSegmentId();
                    log.info("Splitting segment {} of {}: it has {} segments, {} wanted", id, name, segments, target);
                    splitting.put(name, new Split(processor.splitSegment(id), System.nanoTime()));
                });
    }

    private void balanceSafely() {
        try {
            balance();
        } catch (RuntimeException e) {
            // the database is away or a processor is shutting down: the next round tries again
            log.debug("Balancing the processors' segments failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("segment-balancer")
                .factory());
        scheduler.scheduleWithFixedDelay(this::balanceSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            try {
                heartbeats.leave(node);
            } catch (RuntimeException e) {
                log.debug("Could not remove this replica's heartbeat: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** After the processors started (Axon's lifecycle runs in earlier phases), before the web server takes traffic. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }
}
