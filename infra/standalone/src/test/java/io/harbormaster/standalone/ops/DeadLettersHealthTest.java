package io.harbormaster.standalone.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.db.DeadLetterCounts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Status;

/**
 * A {@link DeadLetterCounts} bean, when one exists, is what health reports; parked events are shown but never make
 * the node unready, and counts that cannot be read are.
 */
class DeadLettersHealthTest {

    @Test
    void reportsTheParkedEventsOfEachGroupAndStaysUp() {
        DeadLetterCounts counts = () -> Map.of("machine-list", 2L, "users", 1L);
        var health = new DeadLettersHealth(new DeadLetters(provider(counts), null)).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("total", 3L)
                .containsEntry("byProcessingGroup", Map.of("machine-list", 2L, "users", 1L));
    }

    @Test
    void countsThatCannotBeReadAreDown() {
        DeadLetterCounts counts = () -> {
            throw new IllegalStateException("table missing");
        };
        var health = new DeadLettersHealth(new DeadLetters(provider(counts), null)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "IllegalStateException");
    }

    private static org.springframework.beans.factory.ObjectProvider<DeadLetterCounts> provider(DeadLetterCounts counts) {
        var beans = new StaticListableBeanFactory();
        beans.addBean("deadLetterCounts", counts);
        return beans.getBeanProvider(DeadLetterCounts.class);
    }
}
