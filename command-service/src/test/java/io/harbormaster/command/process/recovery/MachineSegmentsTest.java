package io.harbormaster.command.process.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineStopRequested;
import java.util.Arrays;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.junit.jupiter.api.Test;

class MachineSegmentsTest {

    private static final List<Segment> FOUR = Arrays.asList(Segment.splitBalanced(Segment.ROOT_SEGMENT, 3)
            .toArray(Segment[]::new));

    @Test
    void everyMachineIsInExactlyOneOfTheSegments() {
        for (int i = 0; i < 200; i++) {
            var machine = MachineId.random();
            long holders = FOUR.stream().filter(segment -> segments(segment).test(machine)).count();
            assertThat(holders).as("segments holding %s", machine).isEqualTo(1);
        }
        assertThat(FOUR).hasSize(4);
    }

    @Test
    void aMachineIsInTheSegmentThatDeliversItsEvents() {
        var policy = SequentialPerAggregatePolicy.instance();
        for (int i = 0; i < 200; i++) {
            var machine = MachineId.random();
            // what Axon's invoker does with a request event of the machine
            var event = new GenericDomainEventMessage<>("Machine", machine.value(), 7,
                    new MachineStopRequested(machine));
            var delivering = FOUR.stream()
                    .filter(segment -> segment.matches(java.util.Objects.hashCode(
                            policy.getSequenceIdentifierFor(event))))
                    .toList();
            assertThat(delivering).hasSize(1);
            assertThat(segments(delivering.getFirst()).test(machine)).isTrue();
        }
    }

    @Test
    void theMachinesOfSeveralHeldSegments() {
        var machine = MachineId.random();
        assertThat(new MachineSegments(FOUR, SequentialPerAggregatePolicy.instance()).test(machine)).isTrue();
        assertThat(new MachineSegments(List.of(), SequentialPerAggregatePolicy.instance()).test(machine)).isFalse();
    }

    private static MachineSegments segments(Segment segment) {
        return new MachineSegments(List.of(segment), SequentialPerAggregatePolicy.instance());
    }
}
