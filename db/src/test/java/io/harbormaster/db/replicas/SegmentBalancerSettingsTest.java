package io.harbormaster.db.replicas;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentBalancerSettingsTest {

    @Test
    void aBalanceIntervalOfZero_stopsTheStartWithTheSettingsName() {
        assertThatThrownBy(() -> balancer(Duration.ZERO, Duration.ofSeconds(15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("harbormaster.processors.balance-interval (PT0S)")
                .hasMessageContaining("must be positive");
    }

    @Test
    void aNegativeReleaseTime_stopsTheStartWithTheSettingsName() {
        assertThatThrownBy(() -> balancer(Duration.ofSeconds(2), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("harbormaster.processors.release-for (PT-1S)");
    }

    private static SegmentBalancer balancer(Duration interval, Duration releaseFor) {
        return new SegmentBalancer(ReplicaNode.of("node-a"), null, Map::of, () -> null, List.of(), interval,
                Duration.ofSeconds(10), releaseFor, true);
    }
}
