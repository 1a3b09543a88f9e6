package io.harbormaster.standalone.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.db.AxonJsonSerializers;
import io.harbormaster.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A replica that holds none of a processor's segments is as current as the live replicas that hold them all. */
class SegmentsHeldElsewhereTest {

    private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");
    private final org.axonframework.serialization.Serializer serializer = new AxonJsonSerializers().serializer();
    private DataSource dataSource;
    private SegmentsHeldElsewhere elsewhere;

    @BeforeEach
    void database() {
        var database = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
        dataSource = database.dataSource();
        elsewhere = new SegmentsHeldElsewhere(dataSource, serializer, Duration.ofSeconds(10),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void everySegmentHeldByALiveReplica_givesTheSlowestPosition() {
        segment("machine-list", 0, 120, "replica-a", NOW.minusSeconds(3));
        segment("machine-list", 1, 95, "replica-c", NOW.minusSeconds(1));

        assertThat(elsewhere.slowestPosition("machine-list")).hasValue(95);
    }

    @Test
    void aSegmentWhoseOwnerStoppedRenewingItsClaim_meansNobodyKeepsTheProcessorCurrent() {
        segment("machine-list", 0, 120, "replica-a", NOW.minusSeconds(3));
        segment("machine-list", 1, 95, "replica-dead", NOW.minusSeconds(30));

        assertThat(elsewhere.slowestPosition("machine-list")).isEmpty();
    }

    @Test
    void aSegmentReleasedLongAgo_orAProcessorWithoutTokens_isHeldByNobody() {
        segment("teams", 0, 10, null, NOW.minusSeconds(30));

        assertThat(elsewhere.slowestPosition("teams")).isEmpty();
        assertThat(elsewhere.slowestPosition("audit-trail")).isEmpty();
    }

    @Test
    void aSegmentReleasedMomentsAgoForAnotherReplica_countsAtItsPosition() {
        segment("machine-list", 0, 120, "replica-a", NOW.minusSeconds(3));
        segment("machine-list", 1, 80, null, NOW.minusSeconds(1));

        assertThat(elsewhere.slowestPosition("machine-list")).hasValue(80);
    }

    @Test
    void aNodeHoldingSomeSegments_seesTheOthersWhereTheyStand() {
        segment("machine-list", 0, 120, "replica-here", NOW.minusSeconds(1));
        segment("machine-list", 1, 118, "replica-here", NOW.minusSeconds(1));
        segment("machine-list", 2, 97, "replica-b", NOW.minusSeconds(2));
        segment("machine-list", 3, 110, "replica-b", NOW.minusSeconds(2));

        var others = elsewhere.segmentsBesides("machine-list", Set.of(0, 1));
        assertThat(others.count()).isEqualTo(2);
        assertThat(others.slowest()).hasValue(97);
        assertThat(elsewhere.segmentsBesides("machine-list", Set.of(0, 1, 2, 3)).count()).isZero();
    }

    @Test
    void aNodeHoldingSomeSegments_countsAnAbandonedOneAtItsPosition_itsIdleThreadsClaimIt() {
        segment("machine-list", 0, 120, "replica-here", NOW.minusSeconds(1));
        segment("machine-list", 1, 60, "replica-dead", NOW.minusSeconds(30));

        assertThat(elsewhere.segmentsBesides("machine-list", Set.of(0)).slowest()).hasValue(60);
        // a node holding none of them does not know who keeps that segment current
        assertThat(elsewhere.slowestPosition("machine-list")).isEmpty();
    }

    private void segment(String processor, int segment, long position, String owner, Instant renewed) {
        var token = serializer.serialize(new GlobalSequenceTrackingToken(position), byte[].class);
        JdbcClient.create(dataSource).sql("""
                        INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp, owner)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(processor, segment, token.getData(), token.getType().getName(), renewed.toString(), owner)
                .update();
    }
}
