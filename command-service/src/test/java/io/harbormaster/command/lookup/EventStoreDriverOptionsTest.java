package io.harbormaster.command.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/** A machine's driver options are the ones its creation event recorded; nothing else keeps a copy. */
class EventStoreDriverOptionsTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final EventStoreDriverOptions options = new EventStoreDriverOptions(events);

    @Test
    void theOptionsAreReadFromTheMachinesCreationEvent() {
        var id = MachineId.random();
        var recorded = new DriverOptions(Map.of("ip-address", "10.213.0.7", "ssh-user", "ops"));
        events.publish(new GenericDomainEventMessage<>("Machine", id.value(), 0, new MachineCreated(id,
                TeamId.random(), MachineName.of("web-1"), "generic", recorded, UserId.random())));
        assertThat(options.of(id)).isEqualTo(recorded);
    }

    @Test
    void aMachineWithoutACreationEventHasNoOptions() {
        assertThat(options.of(MachineId.random())).isEqualTo(DriverOptions.none());
    }

    @Test
    void onceRead_theOptionsAreKept_asTheyNeverChange() {
        var id = MachineId.random();
        var recorded = new DriverOptions(Map.of("url", "tcp://10.0.0.5:2376"));
        events.publish(new GenericDomainEventMessage<>("Machine", id.value(), 0, new MachineCreated(id,
                TeamId.random(), MachineName.of("web-2"), "none", recorded, UserId.random())));
        assertThat(options.of(id)).isEqualTo(recorded);
        var reads = new java.util.concurrent.atomic.AtomicInteger();
        var counting = new EventStoreDriverOptions(new EmbeddedEventStore(EmbeddedEventStore.builder()
                .storageEngine(storage)) {
            @Override
            public org.axonframework.eventsourcing.eventstore.DomainEventStream readEvents(String aggregateId) {
                reads.incrementAndGet();
                return super.readEvents(aggregateId);
            }
        });
        counting.of(id);
        counting.of(id);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aCreationCommittedHereIsKnownWithoutReadingTheEventStore() {
        var id = MachineId.random();
        var recorded = new DriverOptions(Map.of("ip-address", "10.213.0.9"));
        options.on(new MachineCreated(id, TeamId.random(), MachineName.of("web-3"), "generic", recorded,
                UserId.random()));
        assertThat(options.of(id)).isEqualTo(recorded); // nothing was published to the store
    }

    @Test
    void theEngineOptionsAreReadFromTheCreationToo_andAMachineCreatedWithoutThemHasNone() {
        var id = MachineId.random();
        var engine = new EngineOptions(List.of("log-level=warn"), List.of("team=blue"), null,
                List.of("docker.example.com"));
        events.publish(new GenericDomainEventMessage<>("Machine", id.value(), 0, new MachineCreated(id,
                TeamId.random(), MachineName.of("web-4"), "generic", DriverOptions.none(), UserId.random(), engine)));
        assertThat(options.engineOptionsOf(id)).isEqualTo(engine);
        assertThat(options.engineOptionsOf(MachineId.random())).isEqualTo(EngineOptions.none());
        var other = MachineId.random();
        options.on(new MachineCreated(other, TeamId.random(), MachineName.of("web-5"), "generic",
                DriverOptions.none(), UserId.random()));
        assertThat(options.engineOptionsOf(other)).isEqualTo(EngineOptions.none());
    }
}
