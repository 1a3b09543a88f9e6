package io.harbormaster.query.machine;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineListChanged;
import io.harbormaster.api.machine.WatchMachineListQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Tells subscribers of {@link WatchMachineListQuery} (the portal's open machine pages) which machine changed. It sits
 * in the machine list's processing group, so it sees each event in the same batch as {@link MachineListProjection},
 * and Axon sends the updates only when that batch has committed: a subscriber that reads the list on an update reads
 * the change. Nothing is sent while a rebuild replays history. Updates reach the subscribers of this process only;
 * with several replicas the segment that handled the event decides which replica's portal hears of it.
 */
@Component
@ProcessingGroup(MachineListProjection.PROCESSING_GROUP)
class MachineListChangeFeed {

    /** Axon's name for the machine aggregate's events (its class's simple name). */
    private static final String MACHINE = "Machine";

    private final QueryUpdateEmitter updates;

    MachineListChangeFeed(QueryUpdateEmitter updates) {
        this.updates = updates;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event, ReplayStatus replay) {
        if (replay.isReplay() || !MACHINE.equals(event.getType())) {
            return;
        }
        updates.emit(WatchMachineListQuery.class, query -> true,
                new MachineListChanged(MachineId.of(event.getAggregateIdentifier())));
    }

    @QueryHandler
    Long handle(WatchMachineListQuery query) {
        return 0L;
    }
}
