package io.harbormaster.query.machine;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.WatchMachineListQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells subscribers of {@link WatchMachineListQuery} (the portal's open machine pages) which machine changed. It sits
 * in the machine list's processing group, so it sees each event in the same batch as {@link MachineListProjection},
 * and announces the change in that batch's transaction ({@link MachineListNotifications}): PostgreSQL delivers it
 * when the batch commits, to every replica, whichever replica's processor handled the event, so a subscriber that
 * reads the list on an update reads the change. Nothing is sent while a rebuild replays history.
 */
@Component
@ProcessingGroup(MachineListProjection.PROCESSING_GROUP)
class MachineListChangeFeed {

    /** Axon's name for the machine aggregate's events (its class's simple name). */
    private static final String MACHINE = "Machine";

    private final JdbcClient jdbc;

    MachineListChangeFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event, ReplayStatus replay) {
        if (replay.isReplay() || !MACHINE.equals(event.getType())) {
            return;
        }
        MachineListNotifications.announce(jdbc, MachineId.of(event.getAggregateIdentifier()));
    }

    @QueryHandler
    Long handle(WatchMachineListQuery query) {
        return 0L;
    }
}
