package io.harbormaster.standalone.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where this node holds none of a processor's segments, whether other nodes do: from the shared token store
 * ({@code token_entry}), every segment claimed by an owner that renewed its claim within the claim timeout, and then
 * the position of the slowest of them. With several replicas a processor's segments are held by some of them only;
 * the others are ready as long as someone keeps the work current.
 */
final class SegmentsHeldElsewhere {

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

    /** The slowest segment's position when every segment of {@code processor} is held by a live owner; else empty. */
    OptionalLong slowestPosition(String processor) {
        var segments = jdbc.sql("""
                        SELECT token, token_type, owner, timestamp FROM token_entry WHERE processor_name = ?""")
                .param(processor)
                .query((rs, row) -> new Segment(rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        if (segments.isEmpty()) {
            return OptionalLong.empty();
        }
        var oldestLiveClaim = clock.instant().minus(claimTimeout);
        var positions = new ArrayList<Long>();
        for (var segment : segments) {
            if (segment.owner() == null || segment.timestamp() == null
                    || Instant.parse(segment.timestamp()).isBefore(oldestLiveClaim)) {
                return OptionalLong.empty();
            }
            positions.add(segment.position(serializer));
        }
        return OptionalLong.of(positions.stream().mapToLong(Long::longValue).min().orElse(-1));
    }

    private record Segment(byte[] token, String type, String owner, String timestamp) {

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
