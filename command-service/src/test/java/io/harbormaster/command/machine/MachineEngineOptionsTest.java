package io.harbormaster.command.machine;

import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.BOB;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.NAME;
import static io.harbormaster.command.machine.MachineGivens.Ids.PROVISIONED;
import static io.harbormaster.command.machine.MachineGivens.Ids.TEAM;
import static io.harbormaster.command.machine.MachineGivens.Ids.URL;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.machine.CertsRenewalRequested;
import io.harbormaster.api.machine.CreateMachineCommand;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.HandOffMachineCommand;
import io.harbormaster.api.machine.InvalidEngineOptionsException;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.RegenerateCertsCommand;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.secret.InMemorySecretStore;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Engine options (docker-machine's {@code --engine-opt}, {@code --engine-label}, {@code --engine-install-url},
 * {@code --tls-san}): recorded with the creation, refused where the driver does not provision, and kept by the machine
 * so every later server certificate carries its extra names.
 */
class MachineEngineOptionsTest {

    private static final DriverOptions GENERIC = new DriverOptions(Map.of("ip-address", "192.0.2.10"));
    private static final EngineOptions ENGINE = new EngineOptions(List.of("log-level=warn",
            "registry-mirror=https://mirror.example.com"), List.of("team=blue"), "https://get.docker.com",
            List.of("docker.example.com", "203.0.113.7"));

    private AggregateTestFixture<Machine> fixture;

    @BeforeEach
    void setUp() {
        fixture = MachineGivens.fixture(MachineGivens.lookups());
    }

    @Test
    void givenNoMachine_whenCreateAGenericMachineWithEngineOptions_thenTheyAreRecordedWithTheCreation() {
        fixture.givenNoPriorActivity()
                .when(new CreateMachineCommand(MACHINE, TEAM, NAME, "generic", GENERIC, ALICE, null, ENGINE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MachineCreated(MACHINE, TEAM, NAME, "generic", GENERIC, ALICE, ENGINE));
    }

    @Test
    void withoutEngineOptions_theCreationRecordsNone() {
        fixture.givenNoPriorActivity()
                .when(new CreateMachineCommand(MACHINE, TEAM, NAME, "generic", GENERIC, ALICE))
                .expectEvents(new MachineCreated(MACHINE, TEAM, NAME, "generic", GENERIC, ALICE,
                        EngineOptions.none()));
    }

    @Test
    void aDriverThatDoesNotProvision_refusesEngineOptions_namingTheField_andAppendsNothing() {
        var none = new DriverOptions(Map.of("url", "tcp://10.0.0.5:2376"));
        fixture.givenNoPriorActivity()
                .when(new CreateMachineCommand(MACHINE, TEAM, NAME, "none", none, ALICE, null, ENGINE))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof InvalidCommandException invalid
                        && invalid.field().equals("engineOptions")))
                .expectExceptionMessage(containsString("The none driver does not install or configure Docker Engine"));
        // empty options are no options
        fixture.givenNoPriorActivity()
                .when(new CreateMachineCommand(MACHINE, TEAM, NAME, "none", none, ALICE, null,
                        new EngineOptions(List.of(), null, "", null)))
                .expectEvents(new MachineCreated(MACHINE, TEAM, NAME, "none", none, ALICE));
    }

    @Test
    void invalidEngineOptionsCannotEvenBeCommanded() {
        assertThatThrownBy(() -> new CreateMachineCommand(MACHINE, TEAM, NAME, "generic", GENERIC, ALICE, null,
                new EngineOptions(List.of("hosts=tcp://0.0.0.0:2375"), null, null, null)))
                .isInstanceOf(InvalidEngineOptionsException.class).hasMessageStartingWith("flags[0]: ");
    }

    @Test
    void givenAMachineWithTlsSans_whenItsCertificatesAreRegenerated_thenTheRequestCarriesTheExtraNames() {
        var tls = MachineGivens.tls(new InMemorySecretStore());
        var initial = tls.regenerate(MACHINE, "web-1", URL, null, true, null, ENGINE.tlsSans());
        fixture.given(new MachineCreated(MACHINE, TEAM, NAME, "fake", DriverOptions.none(), ALICE, ENGINE),
                        PROVISIONED, initial.regenerated(MACHINE, "created"))
                .when(new RegenerateCertsCommand(MACHINE, false, null),
                        Map.of(AuditMetadata.ACTOR_ID, BOB.value(), AuditMetadata.ACTOR_NAME, "bob"))
                .expectEvents(new CertsRenewalRequested(MACHINE, "requested", false, null, NAME, URL, initial, null,
                        List.of("docker.example.com", "203.0.113.7")));
    }

    @Test
    void givenAMachineWithTlsSans_aHandOffRotation_keepsTheExtraNamesToo() {
        var tls = MachineGivens.tls(new InMemorySecretStore());
        var initial = tls.regenerate(MACHINE, "web-1", URL, null, true, null, ENGINE.tlsSans());
        fixture.given(new MachineCreated(MACHINE, TEAM, NAME, "fake", DriverOptions.none(), ALICE, ENGINE),
                        PROVISIONED, initial.regenerated(MACHINE, "created"))
                .when(new HandOffMachineCommand(MACHINE, BOB, true, null),
                        Map.of(AuditMetadata.ACTOR_ID, ALICE.value(), AuditMetadata.ACTOR_NAME, "alice"))
                .expectEvents(new CertsRenewalRequested(MACHINE, "handed-off", true, null, NAME, URL, initial, BOB,
                        List.of("docker.example.com", "203.0.113.7")));
    }
}
