package io.harbormaster.command.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.driver.FakeDriver;
import io.harbormaster.command.lookup.JdbcLookups;
import io.harbormaster.command.machine.ObserveMachineStateCommand;
import io.harbormaster.command.network.AddressCheck;
import io.harbormaster.driver.HostObservation;
import io.harbormaster.driver.HostState;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.testing.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reconciler's cost follows what changes, not the fleet: it sends a machine an observation only when the
 * observation differs from what it last sent or the machine has had other events since, and it spreads a cycle's
 * checks over the interval at slots that stay the same from cycle to cycle.
 */
class MachineReconcilerCostTest {

    private static final int FULL_EVERY = 5;

    private final Map<MachineId, MachineState> hostStates = new ConcurrentHashMap<>();
    private final Map<MachineId, DriverOptions> options = new ConcurrentHashMap<>();
    private final AtomicLong globalIndex = new AtomicLong();
    private DataSource dataSource;
    private CommandGateway commands;
    private MachineReconciler reconciler;

    /** A driver whose hosts are in whatever state the test says. */
    class SteerableDriver extends FakeDriver {
        @Override
        public HostState state(MachineRef machine) {
            return HostState.of(hostStates.get(machine.machineId()));
        }

        @Override
        public List<String> addresses(MachineRef machine) {
            return List.of(java.net.URI.create(machine.dockerUrl()).getHost());
        }
    }

    /** A driver that answers for up to 50 hosts in one call, and refuses to be asked for one. */
    final class GroupingDriver extends SteerableDriver {
        final List<Integer> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public int observesAtOnce() {
            return 50;
        }

        @Override
        public Map<MachineId, HostObservation> observe(List<MachineRef> machines) {
            calls.add(machines.size());
            var seen = new HashMap<MachineId, HostObservation>();
            machines.forEach(machine -> seen.put(machine.machineId(), new HostObservation(
                    HostState.of(hostStates.get(machine.machineId())),
                    List.of(java.net.URI.create(machine.dockerUrl()).getHost()))));
            return seen;
        }

        @Override
        public HostState state(MachineRef machine) {
            throw new AssertionError("asked for one machine");
        }
    }

    @BeforeEach
    void platform() {
        var database = TestPostgres.freshDatabase();
        var current = getClass().getClassLoader().getResource("db/migration/V2__command_lookups.sql");
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations(current != null ? "classpath:db/migration" : "filesystem:"
                        + Path.of("..", "db", "src", "main", "resources", "db", "migration").toAbsolutePath())
                .load().migrate();
        dataSource = database.dataSource();
        commands = mock(CommandGateway.class);
        reconciler = reconcilerWith(new SteerableDriver());
    }

    private MachineReconciler reconcilerWith(FakeDriver driver) {
        return new MachineReconciler(new JdbcLookups(dataSource, id -> options.get(id)),
                new DriverRegistry(List.of(driver)), commands,
                new CertificatesInUse(org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                        .storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory
                                .InMemoryEventStorageEngine()).build()),
                new EngineCheck(null, Clock.systemUTC()), Clock.systemUTC(), 4, Duration.ofSeconds(30),
                AddressCheck.forNetworks(List.of("10.213.0.0/16"), List.of()), new RecentMachineEvents(dataSource),
                ReconcilerMeters.on(new SimpleMeterRegistry()), FULL_EVERY);
    }

    @Test
    void aDriverThatAnswersForManyHostsAtOnce_isAskedForGroups_andEveryMachineIsStillReported() {
        var fleet = machines(120);
        var driver = new GroupingDriver();
        reconciler = reconcilerWith(driver);

        reconciler.reconcileAll();

        assertThat(driver.calls).containsExactlyInAnyOrder(50, 50, 20);
        assertThat(reportedSinceLastLook()).containsExactlyInAnyOrderElementsOf(fleet);
    }

    @Test
    void spreadOverTheInterval_aGroupHoldsTheMachinesWhoseSlotsShareASecond() {
        machines(120);
        var driver = new GroupingDriver();
        reconciler = reconcilerWith(driver);
        var dues = new ArrayList<Long>();

        long start = System.nanoTime();
        reconciler.reconcileSpread(Duration.ofSeconds(30), due -> dues.add(due - start));

        assertThat(driver.calls.stream().mapToInt(Integer::intValue).sum()).isEqualTo(120);
        assertThat(driver.calls.size()).isEqualTo(dues.size()).isLessThanOrEqualTo(27).isGreaterThan(10);
        assertThat(dues).allSatisfy(due -> assertThat(due % 1_000_000_000L).isLessThan(50_000_000L));
    }

    @Test
    void anUnchangedFleet_isReportedOnce_thenCostsNoCommandAtAll() {
        var fleet = machines(20);

        assertThat(reconciler.reconcileAll()).isEqualTo(20);
        assertThat(reportedSinceLastLook()).containsExactlyInAnyOrderElementsOf(fleet);

        reconciler.reconcileAll();
        reconciler.reconcileAll();
        assertThat(reportedSinceLastLook()).isEmpty();
    }

    @Test
    void aHostWhoseStateChanged_isReported_andOnlyIt() {
        var fleet = machines(10);
        reconciler.reconcileAll();
        reportedSinceLastLook();

        hostStates.put(fleet.get(3), MachineState.Stopped);
        reconciler.reconcileAll();

        assertThat(reportedSinceLastLook()).containsExactly(fleet.get(3));
    }

    @Test
    void aMachineWithEventsOfAnyOrigin_isReportedAgain_becauseItsRecordedStateMayNoLongerBeWhatWasSeen() {
        var fleet = machines(10);
        reconciler.reconcileAll();
        reportedSinceLastLook();

        // e.g. a user's stop on another replica: the aggregate's state moved, the host's did not
        appendEventOf(fleet.get(7));
        reconciler.reconcileAll();

        assertThat(reportedSinceLastLook()).containsExactly(fleet.get(7));
        reconciler.reconcileAll();
        assertThat(reportedSinceLastLook()).isEmpty();
    }

    @Test
    void anEventCommittedAfterALaterOne_stillCountsAsAChange() {
        var fleet = machines(4);
        globalIndex.set(10);
        appendEventOf(fleet.get(0));
        reconciler.reconcileAll();
        reportedSinceLastLook();

        // a transaction that took index 5 before index 11 was taken, and committed only now
        appendEventAt(5, fleet.get(2));
        reconciler.reconcileAll();

        assertThat(reportedSinceLastLook()).containsExactly(fleet.get(2));
    }

    @Test
    void everyFewCycles_everyMachineIsReportedAgain_soNothingMissedStaysWrongForLong() {
        var fleet = machines(6);
        reconciler.reconcileAll();
        reportedSinceLastLook();

        for (int cycle = 2; cycle < FULL_EVERY; cycle++) {
            reconciler.reconcileAll();
        }
        assertThat(reportedSinceLastLook()).isEmpty();
        reconciler.reconcileAll();
        assertThat(reportedSinceLastLook()).containsExactlyInAnyOrderElementsOf(fleet);
    }

    @Test
    void aCycleSpreadsItsChecksOverTheInterval_atTheSameSlotEachTime() {
        var fleet = machines(300);
        var interval = Duration.ofSeconds(30);
        var first = new ArrayList<Long>();
        var second = new ArrayList<Long>();
        long[] start = {0};

        start[0] = System.nanoTime();
        reconciler.reconcileSpread(interval, due -> first.add(due - start[0]));
        start[0] = System.nanoTime();
        reconciler.reconcileSpread(interval, due -> second.add(due - start[0]));

        // each machine's check comes at most one interval after its previous one: detection stays within the interval
        var slots = new HashMap<MachineId, Long>();
        fleet.forEach(id -> slots.put(id, reconciler.slot(id, interval)));
        assertThat(slots.values()).allSatisfy(slot -> assertThat(slot).isBetween(0L, interval.toNanos() * 9 / 10));
        assertThat(first).isSorted().hasSize(300);
        assertThat(second).hasSize(300);
        for (int i = 0; i < 300; i++) {
            assertThat(second.get(i) - first.get(i)).isBetween(-2_000_000_000L, 2_000_000_000L);
        }
        // spread, not a burst: every tenth of the spread holds some of the 300 checks, none more than a fifth
        var perTenth = new int[10];
        slots.values().forEach(slot -> perTenth[(int) (slot * 10 / (interval.toNanos() * 9 / 10))]++);
        assertThat(java.util.Arrays.stream(perTenth).boxed().toList())
                .allSatisfy(count -> assertThat(count).isBetween(10, 60));
    }

    private List<MachineId> machines(int count) {
        var ids = new ArrayList<MachineId>();
        var jdbc = JdbcClient.create(dataSource);
        for (int i = 0; i < count; i++) {
            var id = MachineId.random();
            var url = "tcp://10.213.1." + (i % 250 + 1) + ":2376";
            options.put(id, new DriverOptions(Map.of("url", url)));
            hostStates.put(id, MachineState.Running);
            jdbc.sql("""
                            INSERT INTO cmd_machines (machine_id, team_id, name, driver, docker_url)
                            VALUES (:id, :team, :name, :driver, :url)""")
                    .param("id", UUID.fromString(id.value())).param("team", UUID.randomUUID())
                    .param("name", "m-" + i).param("driver", FakeDriver.NAME).param("url", url).update();
            ids.add(id);
        }
        return ids;
    }

    private void appendEventOf(MachineId machine) {
        appendEventAt(globalIndex.incrementAndGet(), machine);
    }

    private void appendEventAt(long index, MachineId machine) {
        JdbcClient.create(dataSource).sql("""
                        INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload)
                        VALUES (:index, :event, :machine, :sequence, 'Machine', '2026-12-06T00:00:00Z', 'x', '\\x7b7d')""")
                .param("index", index).param("event", UUID.randomUUID().toString())
                .param("machine", machine.value()).param("sequence", index).update();
    }

    /** The machines sent an observation since the last call. */
    private List<MachineId> reportedSinceLastLook() {
        var reported = mockingDetails(commands).getInvocations().stream()
                .filter(invocation -> !invocation.isVerified())
                .peek(invocation -> invocation.markVerified())
                .map(invocation -> invocation.getArgument(0))
                .filter(ObserveMachineStateCommand.class::isInstance)
                .map(command -> ((ObserveMachineStateCommand) command).machineId())
                .toList();
        return reported;
    }
}
