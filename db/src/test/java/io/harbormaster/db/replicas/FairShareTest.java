package io.harbormaster.db.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FairShareTest {

    @Test
    void aReplicaAloneKeepsEverySegment() {
        assertThat(new FairShare(4, 1).toRelease(List.of(0, 1, 2, 3))).isEmpty();
    }

    @Test
    void theFirstReplicaToStartLetsHalfGoWhenASecondOneIsLive() {
        assertThat(new FairShare(4, 2).share()).isEqualTo(2);
        assertThat(new FairShare(4, 2).toRelease(List.of(0, 1, 2, 3))).containsExactly(3, 2);
    }

    @Test
    void theShareIsRoundedUpSoTheReplicasTogetherHoldEverySegment() {
        assertThat(new FairShare(4, 3).share()).isEqualTo(2);
        assertThat(new FairShare(4, 3).toRelease(List.of(0, 1, 2, 3))).containsExactly(3, 2);
        assertThat(new FairShare(3, 2).toRelease(List.of(0, 1, 2))).containsExactly(2);
        assertThat(new FairShare(4, 8).share()).isEqualTo(1);
    }

    @Test
    void aReplicaAtOrBelowItsShareReleasesNothing() {
        assertThat(new FairShare(4, 2).toRelease(List.of(1, 3))).isEmpty();
        assertThat(new FairShare(4, 2).toRelease(List.of(2))).isEmpty();
        assertThat(new FairShare(4, 2).toRelease(List.of())).isEmpty();
    }

    @Test
    void aSingleSegmentProcessorIsNeverReleased() {
        assertThat(new FairShare(1, 5).toRelease(List.of(0))).isEmpty();
    }

    @Test
    void noHeartbeatSeenYetCountsAsThisReplicaAlone() {
        assertThat(new FairShare(4, 0).toRelease(List.of(0, 1, 2, 3))).isEmpty();
    }
}
