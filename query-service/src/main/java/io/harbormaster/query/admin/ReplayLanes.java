package io.harbormaster.query.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Feeds one stream of events to several {@link ShadowReplay} lanes that run side by side, each on its own
 * connection and thread: the audit trail (most of a replay's writes) in one, the other projections in another.
 * Most of a lane's time is a round trip to PostgreSQL, so while one lane waits the other works, and the stream
 * reads the next batch meanwhile. A batch counts as applied once every lane has committed it.
 */
final class ReplayLanes implements AutoCloseable {

    private final List<ShadowReplay> lanes;
    private final List<ExecutorService> threads = new ArrayList<>();
    private final int batchSize;
    private List<TrackedEventMessage<?>> batch = new ArrayList<>();
    private List<Future<?>> inFlight = List.of();
    private List<TrackedEventMessage<?>> inFlightBatch = List.of();
    private volatile TrackingToken position;
    private volatile long applied;

    ReplayLanes(List<ShadowReplay> lanes, int batchSize) {
        this.lanes = lanes;
        this.batchSize = batchSize;
        lanes.forEach(lane -> threads.add(Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("projection-rebuild-lane").daemon().factory())));
    }

    /** Adds an event; hands a full batch to the lanes (after they finished the previous one). */
    void add(TrackedEventMessage<?> event) throws Exception {
        // deserialized here, once, rather than by each lane
        event.getPayload();
        event.getMetaData();
        batch.add(event);
        if (batch.size() >= batchSize) {
            submit();
        }
    }

    /** Applies and commits everything added so far in every lane. */
    void flush() throws Exception {
        submit();
        awaitInFlight();
    }

    private void submit() throws Exception {
        awaitInFlight();
        if (batch.isEmpty()) {
            return;
        }
        var events = List.copyOf(batch);
        batch = new ArrayList<>();
        var futures = new ArrayList<Future<?>>();
        for (int i = 0; i < lanes.size(); i++) {
            var lane = lanes.get(i);
            futures.add(threads.get(i).submit(() -> {
                lane.apply(events);
                return null;
            }));
        }
        inFlight = futures;
        inFlightBatch = events;
    }

    private void awaitInFlight() throws Exception {
        for (var future : inFlight) {
            future.get();
        }
        if (!inFlightBatch.isEmpty()) {
            applied += inFlightBatch.size();
            position = inFlightBatch.getLast().trackingToken();
        }
        inFlight = List.of();
        inFlightBatch = List.of();
    }

    /** The token of the last event every lane committed; null before the first batch. */
    TrackingToken position() {
        return position;
    }

    long applied() {
        return applied;
    }

    /** Every lane's parked events. */
    ParkedEvents parked() {
        var all = new ParkedEvents();
        lanes.forEach(lane -> all.addAll(lane.parked()));
        return all;
    }

    @Override
    public void close() {
        threads.forEach(ExecutorService::shutdownNow);
    }
}
