package io.harbormaster.query.admin;

import io.harbormaster.query.audit.AuditTrailProjection;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;

/**
 * A rebuild that never takes the read models away. It replays the whole event store into copies of the read-model
 * tables ({@link ShadowTables}) on its own thread and connection while the live processors keep the live tables
 * complete and current; once it has caught up with the head it pauses the live processors, applies the last few
 * events, swaps the tables in one transaction, hands its position to the live processors' tokens and its parked
 * events to their dead-letter queues, and lets them go on from there.
 *
 * <p>If the node stops or the rebuild fails before the swap, the live tables were never touched: they keep serving,
 * and the next rebuild starts over (dropping the unfinished copies). After a committed swap the tokens and queues
 * are set right away; should the node stop in between, the live processors replay from their old position, which
 * the idempotent projections absorb.
 */
@Service
public class ShadowRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowRebuild.class);
    private static final Duration QUIET = Duration.ofMillis(200);

    private final DataSource dataSource;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final int batchSize;
    private volatile RebuildProgress progress = RebuildProgress.idle();
    private volatile ReplayLanes replay;
    private volatile long startedNanos;
    private volatile boolean stopping;
    private volatile Thread worker;

    public ShadowRebuild(DataSource dataSource, EventStore eventStore, EventProcessingConfiguration processing,
                         TokenStore tokenStore, TransactionManager transactions,
                         @Value("${harbormaster.projections.rebuild-batch-size:2000}") int batchSize) {
        this.dataSource = dataSource;
        this.eventStore = eventStore;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /**
     * Starts a rebuild on a thread of its own and returns the processing groups it will switch over.
     *
     * @throws IllegalStateException when a rebuild is already running
     */
    public synchronized List<String> start() {
        if (progress.running()) {
            throw new IllegalStateException("A rebuild is already running: " + progress.eventsProcessed() + " of "
                    + progress.eventsTotal() + " events replayed");
        }
        var groups = liveGroups();
        startedNanos = System.nanoTime();
        progress = new RebuildProgress("REPLAYING", 0, headPosition(), 0, null, 0, Instant.now(), null, null);
        worker = Thread.ofPlatform().name("projection-rebuild").daemon().start(() -> run(groups));
        return groups;
    }

    /**
     * A node that stops abandons its rebuild before the swap (the live tables stay as they were; the copies are
     * dropped by the next rebuild), or lets a swap that has begun finish, so the processors are never left paused.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        var running = worker;
        if (running != null) {
            running.join(Duration.ofSeconds(30));
        }
    }

    /** The latest rebuild's progress, with the rate and the remaining time computed now. */
    public RebuildProgress progress() {
        var current = progress;
        var running = replay;
        if (!current.running() || running == null) {
            return current;
        }
        long processed = running.applied();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double rate = seconds > 0 ? processed / seconds : 0;
        long at = running.position() == null ? 0 : running.position().position().orElse(0);
        long remaining = Math.max(0, headPosition() - at);
        Long eta = rate > 0 ? Math.round(remaining / rate) : null;
        return new RebuildProgress(current.phase(), processed, processed + remaining, Math.round(rate * 10) / 10.0,
                eta, running.parked().size(), current.startedAt(), null, null);
    }

    private void run(List<String> groups) {
        try (Connection connection = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            try {
                rebuild(connection, second, groups);
            } catch (Exception | Error failure) {
                LOG.error("Projection rebuild failed; the live read models are unchanged", failure);
                finish("FAILED", failure.toString());
                forget(connection, second);
            } finally {
                release(connection);
                release(second);
            }
        } catch (Exception e) {
            LOG.error("Projection rebuild could not clean up its connections", e);
        }
    }

    private void rebuild(Connection connection, Connection second, List<String> groups) throws Exception {
        connection.setAutoCommit(true);
        ShadowTables.create(connection);
        var audit = AuditTrailProjection.PROCESSING_GROUP;
        var auditLane = new ShadowReplay(second, ShadowProjections.over(shadowConnection(second)).stream()
                .filter(h -> h.group().equals(audit)).toList(), processing);
        var otherLane = new ShadowReplay(connection, ShadowProjections.over(shadowConnection(connection)).stream()
                .filter(h -> !h.group().equals(audit)).toList(), processing);
        try (var lanes = new ReplayLanes(List.of(auditLane, otherLane), batchSize);
             BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            replay = lanes;
            drain(stream);
            phase("INDEXING");
            ShadowTables.createDeferredIndexes(connection);
            connection.commit();
            phase("REPLAYING");
            drain(stream);
            phase("SWITCHING");
            switchOver(connection, stream, groups);
            LOG.info("Projections rebuilt from {} events and switched over", lanes.applied());
        }
        finish("DONE", null);
    }

    /** The connection as a data source whose {@code rm_*} tables are the copies; the lane commits its transaction. */
    private static DataSource shadowConnection(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + ShadowTables.SCHEMA + ", public");
            // a crash loses the copies anyway (the next rebuild starts over): no need to wait for each flush
            statement.execute("SET synchronous_commit TO off");
        }
        connection.setAutoCommit(false);
        return new SingleConnectionDataSource(connection, true);
    }

    /** The connection goes back to the pool as it came: no later user may write to the copies by mistake. */
    private static void release(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        try (var statement = connection.createStatement()) {
            statement.execute("RESET search_path; RESET synchronous_commit");
        }
    }

    /** Applies events until the stream has none ready. */
    private void drain(BlockingStream<TrackedEventMessage<?>> stream) throws Exception {
        while (stream.hasNextAvailable()) {
            if (stopping) {
                throw new IllegalStateException("The node is stopping; the rebuild is abandoned");
            }
            replay.add(stream.nextAvailable());
        }
        replay.flush();
    }

    private void switchOver(Connection connection, BlockingStream<TrackedEventMessage<?>> stream,
                            List<String> groups) throws Exception {
        var paused = new ArrayList<StreamingEventProcessor>();
        try {
            for (var group : groups) {
                var processor = processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class)
                        .orElseThrow();
                processor.shutDown();
                paused.add(processor);
            }
            // the live processors stopped at or before the head; whatever came after, the copies receive now
            while (stream.hasNextAvailable((int) QUIET.toMillis(), TimeUnit.MILLISECONDS)) {
                replay.add(stream.nextAvailable());
                replay.flush();
            }
            replay.flush();
            ShadowTables.swap(connection);
            connection.commit();
            handOver(paused, replay.position(), replay.parked());
        } finally {
            paused.forEach(StreamingEventProcessor::start);
        }
        connection.setAutoCommit(true);
        ShadowTables.dropRetired(connection);
    }

    /** The live processors go on from the rebuild's position, with its parked events as their queues. */
    private void handOver(List<StreamingEventProcessor> processors, TrackingToken position, ParkedEvents parked) {
        transactions.executeInTransaction(() -> {
            for (var processor : processors) {
                for (int segment : tokenStore.fetchSegments(processor.getName())) {
                    if (position != null) {
                        tokenStore.storeToken(position, processor.getName(), segment);
                    }
                    tokenStore.releaseClaim(processor.getName(), segment);
                }
            }
        });
        for (var group : ProjectionRebuilder.PROCESSING_GROUPS) {
            processing.deadLetterQueue(group).ifPresent(queue -> transactions.executeInTransaction(() -> {
                queue.clear();
                parked.letters().stream().filter(p -> p.group().equals(group))
                        .forEach(p -> queue.enqueue(p.sequence(), p.letter()));
            }));
        }
    }

    private List<String> liveGroups() {
        return ProjectionRebuilder.PROCESSING_GROUPS.stream()
                .filter(group -> processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class)
                        .isPresent())
                .toList();
    }

    private void phase(String phase) {
        var p = progress;
        progress = new RebuildProgress(phase, p.eventsProcessed(), p.eventsTotal(), p.eventsPerSecond(),
                p.etaSeconds(), p.parkedEvents(), p.startedAt(), null, null);
    }

    private void finish(String phase, String failure) {
        var last = replay;
        long processed = last == null ? 0 : last.applied();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        progress = new RebuildProgress(phase, processed, processed, Math.round(processed / seconds * 10) / 10.0,
                null, last == null ? 0 : last.parked().size(), progress.startedAt(), Instant.now(), failure);
        replay = null;
    }

    private static void forget(Connection connection, Connection second) {
        try {
            release(second);
            release(connection);
            ShadowTables.drop(connection);
        } catch (Exception e) {
            LOG.warn("Could not drop the unfinished rebuild's tables; the next rebuild drops them", e);
        }
    }

    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.orElse(0);
    }
}
