package io.harbormaster.standalone.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A processor's segments that this node does not hold, and whether somebody keeps them current: from the shared token
 * store ({@code token_entry}), where they stand. A processor has several segments and each replica holds some (the
 * balancer shares them out), so a node is ready when its own segments and the others are all current.
 *
 * <p>A segment counts, at its stored position, when its row was touched within the claim timeout: claimed by a live
 * owner, by one that died and whose claim has not expired yet (as with one segment: the position stops, and the lag
 * grows with new events), or released moments ago for another replica to claim (the balancer's hand-over). A segment
 * untouched for longer is held by nobody: a node that holds none of the processor's segments then does not know who
 * keeps it current (empty); a node that holds some counts it too, since its own idle threads claim it within the
 * claim interval, and the lag tells whether it falls behind meanwhile.
 */
final class SegmentsHeldElsewhere {

    /** How many segments are held elsewhere ({@code count}) and the slowest one's position; empty: held by nobody. */
    record Elsewhere(int count, OptionalLong slowest) {
    }

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Duration claimTimeout;
    private final Clock clock;

    SegmentsHeldElsewhere(DataSource dataSource, Serializer serializer, Duration claimTimeout, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.serializer = serializer;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
    }

    /** For a node that holds none of {@code processor}'s segments: the slowest position if all are kept; else empty. */
    OptionalLong slowestPosition(String processor) {
        var elsewhere = segmentsBesides(processor, Set.of());
        return elsewhere.count() == 0 ? OptionalLong.empty() : elsewhere.slowest();
    }

    /** The segments of {@code processor} besides {@code heldHere}, this node's own. */
    Elsewhere segmentsBesides(String processor, Set<Integer> heldHere) {
        var segments = jdbc.sql("""
                        SELECT segment, token, token_type, owner, timestamp FROM token_entry WHERE processor_name = ?""")
                .param(processor)
                .query((rs, row) -> new Segment(rs.getInt(1), rs.getBytes(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list().stream().filter(segment -> !heldHere.contains(segment.id())).toList();
        if (segments.isEmpty()) {
            return new Elsewhere(0, OptionalLong.empty());
        }
        var oldestLiveClaim = clock.instant().minus(claimTimeout);
        var positions = new ArrayList<Long>();
        for (var segment : segments) {
            boolean touched = segment.timestamp() != null
                    && !Instant.parse(segment.timestamp()).isBefore(oldestLiveClaim);
            if (!touched && heldHere.isEmpty()) {
                return new Elsewhere(segments.size(), OptionalLong.empty());
            }
            positions.add(segment.position(serializer));
        }
        return new Elsewhere(segments.size(),
                OptionalLong.of(positions.stream().mapToLong(Long::longValue).min().orElse(-1)));
    }

    private record Segment(int id, byte[] token, String type, String owner, String timestamp) {

        long position(Serializer serializer) {
            if (token == null || type == null) {
                return -1;
            }
            TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type,
                    null));
            return tracking == null ? -1 : tracking.position().orElse(-1);
        }
    }
}
