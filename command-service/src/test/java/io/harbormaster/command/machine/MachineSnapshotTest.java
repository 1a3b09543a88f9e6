package io.harbormaster.command.machine;

import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.BOB;
import static io.harbormaster.command.machine.MachineGivens.Ids.CAROL;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.OTHER_TEAM;
import static io.harbormaster.command.machine.MachineGivens.Ids.PROVISIONED;
import static io.harbormaster.command.machine.MachineGivens.Ids.URL;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineShared;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineStarted;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.machine.SshHostKeyPinned;
import io.harbormaster.api.machine.SshUserCaInstalled;
import io.harbormaster.api.machine.StopMachineCommand;
import io.harbormaster.api.machine.UnshareMachineCommand;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.driver.FakeDriver;
import io.harbormaster.command.driver.RegistryDriverRules;
import io.harbormaster.command.secret.InMemorySecretStore;
import io.harbormaster.db.AxonJsonSerializers;
import io.harbormaster.driver.none.NoneDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/**
 * A machine loaded from its snapshot plus the events after it is the machine loaded from all its events, and decides
 * every command the same way. The snapshot goes through the serializer the event store stores snapshots with (the
 * general one), as it does in PostgreSQL.
 */
class MachineSnapshotTest {

    private static final Serializer STORED_AS = new AxonJsonSerializers().serializer();

    private final List<Object> history = historyTouchingEveryKindOfField();
    private final List<Object> afterSnapshot = List.of(new MachineStartRequested(MACHINE), new MachineStarted(MACHINE),
            new MachineHandedOff(MACHINE, ALICE, BOB, false));

    @Test
    void aMachineReadBackFromItsSnapshot_hasEveryFieldOfTheMachineItWasTakenFrom() {
        var original = new Store(false).append(history).load();

        var stored = STORED_AS.serialize(original, byte[].class);
        Machine read = STORED_AS.deserialize(stored);

        assertThat(stored.getType().getRevision()).isEqualTo(MachineSnapshots.REVISION);
        assertThat(read).usingRecursiveComparison().isEqualTo(original);
        assertThat(read.shares).containsOnly(Map.entry(Grantee.user(CAROL), ShareRole.MEMBER),
                Map.entry(Grantee.team(OTHER_TEAM), ShareRole.VIEWER));
        assertThat(read.certificates).isNotNull();
    }

    @Test
    void aMachineFromASnapshotAndLaterEvents_equalsTheMachineFromAllItsEvents() {
        var fromEvents = new Store(false).append(history).append(afterSnapshot);
        var fromSnapshot = new Store(true).append(history).snapshot().append(afterSnapshot);

        assertThat(fromSnapshot.engine.readSnapshot(MACHINE.value())).isPresent();
        assertThat(fromSnapshot.load()).usingRecursiveComparison().isEqualTo(fromEvents.load());
    }

    @Test
    void aMachineFromASnapshot_decidesCommandsAsTheMachineFromAllItsEvents() {
        var fromEvents = new Store(false).append(history).append(afterSnapshot);
        var fromSnapshot = new Store(true).append(history).snapshot().append(afterSnapshot);

        for (var store : List.of(fromEvents, fromSnapshot)) {
            store.send(new AuthorizeClientCertCommand(MACHINE), CAROL);
            store.send(new UnshareMachineCommand(MACHINE, Grantee.team(OTHER_TEAM)), BOB);
            store.send(new StopMachineCommand(MACHINE, null), BOB);
            store.send(new AuthorizeClientCertCommand(MACHINE), ALICE);
        }

        assertThat(fromEvents.results).hasSize(4);
        assertThat(fromSnapshot.results).isEqualTo(fromEvents.results);
        assertThat(fromSnapshot.payloads()).isEqualTo(fromEvents.payloads());
        assertThat(fromSnapshot.load()).usingRecursiveComparison().isEqualTo(fromEvents.load());
    }

    /** Certificates, shares of both kinds, a pinned host key, the SSH user CA, a finished operation. */
    private static List<Object> historyTouchingEveryKindOfField() {
        var tls = MachineGivens.tls(new InMemorySecretStore());
        var certificates = tls.regenerate(MACHINE, "web-1", URL, null, true, null);
        return List.of(MachineGivens.created("fake"), PROVISIONED, certificates.regenerated(MACHINE, "created"),
                new MachineShared(MACHINE, Grantee.user(CAROL), ShareRole.MEMBER),
                new MachineShared(MACHINE, Grantee.team(OTHER_TEAM), ShareRole.VIEWER),
                new SshHostKeyPinned(MACHINE, "192.0.2.10", "ssh-ed25519", "SHA256:host"),
                new SshUserCaInstalled(MACHINE, "SHA256:user-ca", "/etc/ssh/harbormaster_user_ca.pub"),
                new MachineStopRequested(MACHINE), new MachineStopped(MACHINE));
    }

    /** An event store with a machine repository, and with snapshots that are stored as PostgreSQL stores them. */
    private static final class Store {

        final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine() {
            @Override
            public void storeSnapshot(DomainEventMessage<?> snapshot) {
                Object read = STORED_AS.deserialize(STORED_AS.serialize(snapshot.getPayload(), byte[].class));
                super.storeSnapshot(new GenericDomainEventMessage<>(snapshot.getType(),
                        snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), read));
            }
        };
        final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(engine).build();
        final List<Object> results = new ArrayList<>();
        private final ParameterResolverFactory parameters;
        private final EventSourcingRepository<Machine> repository;
        private final AggregateSnapshotter snapshotter;
        private final DefaultCommandGateway gateway;
        private long sequence;

        Store(boolean snapshots) {
            var lookups = MachineGivens.lookups();
            var rules = new RegistryDriverRules(new DriverRegistry(List.of(new NoneDriver(), new FakeDriver())));
            parameters = MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(Machine.class),
                    new SimpleResourceParameterResolverFactory(Set.of(rules, lookups)));
            snapshotter = AggregateSnapshotter.builder().eventStore(events)
                    .aggregateFactories(new GenericAggregateFactory<>(Machine.class))
                    .parameterResolverFactory(parameters).build();
            repository = EventSourcingRepository.builder(Machine.class).eventStore(events)
                    .parameterResolverFactory(parameters)
                    .snapshotTriggerDefinition(snapshots ? new org.axonframework.eventsourcing
                            .EventCountSnapshotTriggerDefinition(snapshotter, 1_000) : NoSnapshotTriggerDefinition.INSTANCE)
                    .build();
            var bus = SimpleCommandBus.builder().build();
            AggregateAnnotationCommandHandler.<Machine>builder().aggregateType(Machine.class).repository(repository)
                    .parameterResolverFactory(parameters).build().subscribe(bus);
            gateway = DefaultCommandGateway.builder().commandBus(bus).build();
        }

        Store append(List<Object> payloads) {
            for (var payload : payloads) {
                events.publish(new GenericDomainEventMessage<>("Machine", MACHINE.value(), sequence++, payload));
            }
            return this;
        }

        Store snapshot() {
            snapshotter.scheduleSnapshot(Machine.class, MACHINE.value());
            return this;
        }

        Machine load() {
            return DefaultUnitOfWork.startAndGet(null).executeWithResult(
                    () -> repository.load(MACHINE.value()).invoke(Function.identity())).getPayload();
        }

        /** Sends the command as {@code actor}; keeps its result, or the refusal's type and words. */
        void send(Object command, io.harbormaster.api.user.UserId actor) {
            try {
                results.add(String.valueOf((Object) gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(Map.of(AuditMetadata.ACTOR_ID, actor.value(), AuditMetadata.ACTOR_NAME, "x")))));
            } catch (RuntimeException refused) {
                results.add(refused.getClass().getSimpleName() + ": " + refused.getMessage());
            }
            sequence = engine.lastSequenceNumberFor(MACHINE.value()).orElse(-1L) + 1;
        }

        /** Every event of the machine, from the first: snapshots are not events. */
        List<Object> payloads() {
            return events.readEvents(MACHINE.value(), 0).asStream().<Object>map(DomainEventMessage::getPayload)
                    .toList();
        }
    }
}
