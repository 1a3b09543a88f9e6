package io.harbormaster.command.machine;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Machines are loaded from their latest snapshot plus the events after it, so a command costs the same on a machine
 * with a long history (every client certificate adds an event) as on a new one. Axon's snapshotter writes a snapshot
 * into {@code snapshot_event_entry} after the commit of a command whose load replayed {@code threshold} events or
 * more, as JSON of the machine's fields ({@link RecordedMachine}) by the general serializer, with the revision below.
 * Snapshots of another revision are skipped: the machine is then rebuilt from its events, which go through the
 * upcasters as always, and its next snapshot has the current revision.
 */
@Configuration(proxyBeanMethods = false)
class MachineSnapshots {

    static final String TRIGGER = "machineSnapshotTrigger";
    static final String FILTER = "machineSnapshotFilter";
    /** The shape of a machine's snapshot; raise it with any change to {@link RecordedMachine}'s fields. */
    static final String REVISION = "1";

    /** {@code harbormaster.machines.snapshot-threshold}: events replayed before a snapshot is taken; 0 turns it off. */
    @Bean(TRIGGER)
    SnapshotTriggerDefinition machineSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${harbormaster.machines.snapshot-threshold:50}") int threshold) {
        return threshold > 0 ? new EventCountSnapshotTriggerDefinition(snapshotter, threshold)
                : NoSnapshotTriggerDefinition.INSTANCE;
    }

    @Bean(FILTER)
    SnapshotFilter machineSnapshotFilter() {
        return RevisionSnapshotFilter.builder().type(Machine.class).revision(REVISION).build();
    }
}
