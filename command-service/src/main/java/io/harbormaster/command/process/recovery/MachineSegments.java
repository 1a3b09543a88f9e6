package io.harbormaster.command.process.recovery;

import io.harbormaster.api.machine.MachineId;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * The machines whose events fall in some segments of the machine processes: the ones this replica handles. Asks the
 * processor's own sequencing policy for a machine's sequence identifier (Axon's default: the aggregate identifier, a
 * machine's id), as Axon does for every event, and {@link Segment#matches(Object)} as Axon's invoker does, so
 * recovery picks exactly the machines whose request events this replica's segments deliver.
 */
record MachineSegments(List<Segment> segments, SequencingPolicy<? super EventMessage<?>> policy)
        implements Predicate<MachineId> {

    /** Axon's name for the machine aggregate (its class's simple name); the policy may look at it. */
    private static final String MACHINE = "Machine";

    MachineSegments {
        segments = List.copyOf(segments);
    }

    @Override
    public boolean test(MachineId machine) {
        var event = new GenericDomainEventMessage<>(MACHINE, machine.value(), 0, machine);
        Object sequence = policy.getSequenceIdentifierFor(event);
        Object value = sequence != null ? sequence : event.getIdentifier();
        return segments.stream().anyMatch(segment -> segment.matches(value));
    }
}
