package io.harbormaster.query.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;

/**
 * The events a rebuild could not apply, per processing group, kept until the switch-over puts them in the groups'
 * dead-letter queues. Like Axon's sequenced queue, once an event of a sequence (an aggregate) is parked, every later
 * event of that sequence is parked behind it instead of applied.
 */
final class ParkedEvents {

    record Parked(String group, Object sequence, DeadLetter<EventMessage<?>> letter) {
    }

    private final List<Parked> letters = new ArrayList<>();
    private final Set<List<Object>> sequences = new HashSet<>();

    boolean isEmpty() {
        return letters.isEmpty();
    }

    boolean holds(String group, Object sequence) {
        return sequences.contains(List.of(group, sequence));
    }

    /** The first event of a sequence to fail, with its cause (as the group's dead-letter policy words it). */
    void park(String group, Object sequence, EventMessage<?> event, Throwable cause) {
        sequences.add(List.of(group, sequence));
        letters.add(new Parked(group, sequence, new GenericDeadLetter<>(sequence, event, cause)));
    }

    /** A later event of a parked sequence: it waits behind the first, without a cause of its own. */
    void queueBehind(String group, Object sequence, EventMessage<?> event) {
        letters.add(new Parked(group, sequence, new GenericDeadLetter<>(sequence, event)));
    }

    List<Parked> letters() {
        return List.copyOf(letters);
    }

    int size() {
        return letters.size();
    }

    void addAll(ParkedEvents other) {
        letters.addAll(other.letters);
        sequences.addAll(other.sequences);
    }

    ParkedEvents copy() {
        var copy = new ParkedEvents();
        copy.letters.addAll(letters);
        copy.sequences.addAll(sequences);
        return copy;
    }
}
