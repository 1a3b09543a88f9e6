package io.harbormaster.command.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.driver.FakeDriver;
import io.harbormaster.command.lookup.JdbcLookups;
import io.harbormaster.command.machine.ObserveMachineStateCommand;
import io.harbormaster.command.network.AddressCheck;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.testing.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reconciler never dials a machine whose address the platform may not connect to (any more). */
class MachineReconcilerNetworksTest {

    private static final Map<MachineId, DriverOptions> OPTIONS = new ConcurrentHashMap<>();
    private static DataSource dataSource;

    /** Records every call that would reach a host. */
    static final class RecordingDriver extends FakeDriver {
        final List<String> dialled = new CopyOnWriteArrayList<>();

        @Override
        public io.harbormaster.driver.HostState state(MachineRef machine) {
            dialled.add("state " + machine.name().value());
            return io.harbormaster.driver.HostState.of(MachineState.Running);
        }

        @Override
        public List<String> addresses(MachineRef machine) {
            dialled.add("addresses " + machine.name().value());
            return List.of(java.net.URI.create(machine.dockerUrl()).getHost());
        }
    }

    @BeforeAll
    static void migrate() {
        var database = TestPostgres.freshDatabase();
        var current = MachineReconcilerNetworksTest.class.getClassLoader()
                .getResource("db/migration/V2__command_lookups.sql");
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations(current != null ? "classpath:db/migration" : "filesystem:"
                        + Path.of("..", "db", "src", "main", "resources", "db", "migration").toAbsolutePath())
                .load().migrate();
        dataSource = database.dataSource();
        machine("allowed-1", "tcp://10.213.0.10:2376");
        machine("moved-1", "tcp://10.213.0.11:2376");
    }

    private static void machine(String name, String url) {
        var id = MachineId.random();
        OPTIONS.put(id, new DriverOptions(Map.of("url", url)));
        JdbcClient.create(dataSource).sql("""
                        INSERT INTO cmd_machines (machine_id, team_id, name, driver, docker_url)
                        VALUES (:id, :team, :name, :driver, :url)""")
                .param("id", UUID.fromString(id.value())).param("team", UUID.randomUUID()).param("name", name)
                .param("driver", FakeDriver.NAME).param("url", url).update();
    }

    /** The recording driver does not provision, so no engine is asked and no certificates are needed. */
    private static CertificatesInUse noCertificates() {
        return new CertificatesInUse(org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                .storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine())
                .build());
    }

    private static EngineCheck noEngines() {
        return new EngineCheck(new io.harbormaster.command.cert.MachineTls(
                new io.harbormaster.command.cert.CertificateAuthority(),
                new io.harbormaster.command.secret.InMemorySecretStore(),
                io.harbormaster.command.cert.CertificatePolicy.defaults()), java.time.Clock.systemUTC());
    }

    private static List<String> pass(AddressCheck networks) {
        var driver = new RecordingDriver();
        var commands = mock(CommandGateway.class);
        var lookups = new JdbcLookups(dataSource, id -> OPTIONS.getOrDefault(id, DriverOptions.none()));
        new MachineReconciler(lookups, new DriverRegistry(List.of(driver)), commands, noCertificates(), noEngines(),
                java.time.Clock.systemUTC(), 4, Duration.ofSeconds(30),
                networks, new RecentMachineEvents(dataSource), ReconcilerMeters.on(new SimpleMeterRegistry()), 10)
                .reconcileAll();
        return driver.dialled;
    }

    @Test
    void machinesInAllowedNetworks_areChecked() {
        assertThat(pass(AddressCheck.forNetworks(List.of("10.213.0.0/16"), List.of())))
                .containsExactlyInAnyOrder("addresses allowed-1", "state allowed-1", "addresses moved-1",
                        "state moved-1");
    }

    @Test
    void aMachineWhoseAddressBecameRefused_isNeverDialled_theOthersStillAre() {
        var commands = mock(CommandGateway.class);
        var driver = new RecordingDriver();
        var lookups = new JdbcLookups(dataSource, id -> OPTIONS.getOrDefault(id, DriverOptions.none()));
        new MachineReconciler(lookups, new DriverRegistry(List.of(driver)), commands, noCertificates(), noEngines(),
                java.time.Clock.systemUTC(), 4, Duration.ofSeconds(30),
                AddressCheck.forNetworks(List.of("10.213.0.0/16"), List.of("10.213.0.11/32")),
                new RecentMachineEvents(dataSource), ReconcilerMeters.on(new SimpleMeterRegistry()), 10).reconcileAll();

        assertThat(driver.dialled).containsExactlyInAnyOrder("addresses allowed-1", "state allowed-1");
        verify(commands, never()).sendAndWait(org.mockito.ArgumentMatchers.argThat(command ->
                command instanceof ObserveMachineStateCommand observe
                        && !OPTIONS.get(observe.machineId()).get("url").contains("10.213.0.10")), anyLong(), any());
    }

    @Test
    void aLinkLocalMachine_isNeverDialledUnlessAllowedExplicitly() {
        machine("metadata-1", "tcp://169.254.169.254:2376");
        assertThat(pass(AddressCheck.forNetworks(List.of("0.0.0.0/0"), List.of())))
                .doesNotContain("addresses metadata-1", "state metadata-1");
        assertThat(pass(AddressCheck.forNetworks(List.of("0.0.0.0/0", "169.254.169.254/32"), List.of())))
                .contains("addresses metadata-1", "state metadata-1");
    }
}
