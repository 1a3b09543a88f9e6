package io.harbormaster.query.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.FindMachinesQuery;
import io.harbormaster.api.machine.FleetChange;
import io.harbormaster.api.machine.IpChanged;
import io.harbormaster.api.machine.MachineAsOf;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.MachineSummary;
import io.harbormaster.api.machine.ProvisioningFailed;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.user.Caller;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.Username;
import io.harbormaster.query.testing.ReadModelDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/**
 * The transient list the fleet-as-of view replays into follows the read model's rules exactly: the same events, in
 * the same order, through the same projection handlers, give the list {@code rm_machine} gives (redeliveries and
 * tombstones included). And the difference between two lists names what was added, removed and changed.
 */
class TransientMachineListTest {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    final TeamId team = TeamId.random();
    final UserId ada = UserId.random();
    final UserId bob = UserId.random();
    final MachineId web2 = MachineId.random();
    final MachineId web10 = MachineId.random();
    final MachineId db = MachineId.random();
    final MachineId broken = MachineId.random();

    @Test
    void theSameEventsGiveTheSameListInMemoryAsInTheReadModel() throws Exception {
        var jdbc = ReadModelDatabase.fresh();
        var readModel = new AnnotationEventHandlerAdapter(new MachineListProjection(jdbc));
        var transientList = new TransientMachineList(Map.of(ada, "ada", bob, "bob"), Map.of(team, "ops"));
        var inMemory = new AnnotationEventHandlerAdapter(new MachineListProjection(transientList));
        var history = history();
        for (var event : history) {
            readModel.handle(event);
            inMemory.handle(event);
        }
        // the read model learns names from events; the transient list is given today's names
        for (var event : List.of(GenericEventMessage.asEventMessage(new UserRegistered(ada, Username.of("ada"), "Ada",
                        false)), GenericEventMessage.asEventMessage(new UserRegistered(bob, Username.of("bob"), "Bob",
                        false)), GenericEventMessage.asEventMessage(new TeamCreated(team, TeamName.of("ops"), ada)))) {
            readModel.handle(event);
        }

        var live = new MachineQueries(jdbc).handle(new FindMachinesQuery(MachineFilter.any(), PageRequest.first(),
                new Caller(UserId.random(), true)));
        assertThat(transientList.machines().stream().map(TransientMachineListTest::line).toList())
                .isEqualTo(live.items().stream().map(TransientMachineListTest::line).toList())
                .hasSize(3);
        assertThat(transientList.machines()).extracting(MachineAsOf::name).containsExactly("broken", "web-2", "web-10");
    }

    @Test
    void theDifferenceNamesAddedRemovedAndChangedMachines_andLeavesUnchangedOnesOut() throws Exception {
        var then = new TransientMachineList(Map.of(ada, "ada", bob, "bob"), Map.of());
        var now = new TransientMachineList(Map.of(ada, "ada", bob, "bob"), Map.of());
        var intoThen = new AnnotationEventHandlerAdapter(new MachineListProjection(then));
        var intoNow = new AnnotationEventHandlerAdapter(new MachineListProjection(now));
        var history = history();
        var cut = 5;  // db, web-2 and web-10 created and provisioned; nothing else yet
        for (int i = 0; i < history.size(); i++) {
            if (i < cut) {
                intoThen.handle(history.get(i));
            }
            intoNow.handle(history.get(i));
        }

        var changes = FleetDifference.between(then.machines(), now.machines());

        assertThat(changes).extracting(c -> c.name() + " " + c.kind()).containsExactly(
                "broken ADDED", "web-2 CHANGED", "db REMOVED");
        assertThat(changes.get(1).fields()).containsExactly(
                new FleetChange.FieldChange("state", "Running", "Stopped"),
                new FleetChange.FieldChange("holder", "ada", "bob"),
                new FleetChange.FieldChange("dockerUrl", "tcp://10.0.0.2:2376", "tcp://10.0.0.9:2376"));
    }

    private List<EventMessage<?>> history() {
        var events = new ArrayList<EventMessage<?>>();
        add(events, db, 0, new MachineCreated(db, team, MachineName.of("db"), "none", DriverOptions.none(), ada,
                EngineOptions.none()));
        add(events, web2, 0, new MachineCreated(web2, team, MachineName.of("web-2"), "generic", DriverOptions.none(),
                ada, EngineOptions.none()));
        add(events, web2, 1, new MachineProvisioned(web2, "tcp://10.0.0.2:2376", "27.3.1"));
        add(events, web10, 0, new MachineCreated(web10, team, MachineName.of("web-10"), "generic",
                DriverOptions.none(), bob, EngineOptions.none()));
        add(events, web10, 1, new MachineProvisioned(web10, "tcp://10.0.0.10:2376", "27.3.1"));
        add(events, web2, 2, new MachineHandedOff(web2, ada, bob, false));
        add(events, web2, 3, new IpChanged(web2, "10.0.0.2", "10.0.0.9"));
        add(events, web2, 1, new MachineProvisioned(web2, "tcp://10.0.0.2:2376", "27.3.1"));  // redelivered
        add(events, web2, 4, new MachineStopRequested(web2));
        add(events, web2, 5, new MachineStopped(web2));
        add(events, db, 1, new MachineRemoved(db, team, MachineName.of("db")));
        add(events, db, 0, new MachineCreated(db, team, MachineName.of("db"), "none", DriverOptions.none(), ada,
                EngineOptions.none()));  // redelivered after removal: must not revive it
        add(events, broken, 0, new MachineCreated(broken, team, MachineName.of("broken"), "generic",
                DriverOptions.none(), ada, EngineOptions.none()));
        add(events, broken, 1, new ProvisioningFailed(broken, "install-docker", "no package manager"));
        return events;
    }

    private static void add(List<EventMessage<?>> events, MachineId machine, long seq, Object payload) {
        events.add(new GenericDomainEventMessage<>("Machine", machine.value(), seq, payload, MetaData.emptyInstance(),
                java.util.UUID.randomUUID().toString(), T0.plusSeconds(events.size())));
    }

    private static String line(MachineSummary m) {
        return String.join(" | ", m.id().value(), m.name(), m.driver(), m.state().name(), String.valueOf(m.holder()),
                m.holderName(), m.dockerUrl(), m.dockerVersion(), m.lastError(), m.createdAt().toString(),
                m.updatedAt().toString());
    }

    private static String line(MachineAsOf m) {
        return String.join(" | ", m.id().value(), m.name(), m.driver(), m.state().name(), String.valueOf(m.holder()),
                m.holderName(), m.dockerUrl(), m.dockerVersion(), m.lastError(), m.createdAt().toString(),
                m.updatedAt().toString());
    }
}
