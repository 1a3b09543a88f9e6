package io.harbormaster.command.machine;

import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.CAROL;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.NAME;
import static io.harbormaster.command.machine.MachineGivens.Ids.OTHER_TEAM;
import static io.harbormaster.command.machine.MachineGivens.Ids.TEAM;
import static io.harbormaster.command.machine.MachineGivens.Ids.VIC;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.harbormaster.api.machine.CreateMachineCommand;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.refusal.DriverOptionsRefusedException;
import io.harbormaster.command.driver.UnknownDriverException;
import io.harbormaster.command.lookup.InMemoryLookups;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotFoundException;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating a machine: the checks of {@link MachineCreationHandler} before the aggregate exists. */
class MachineCreationTest {

    private static final DriverOptions NONE_URL = new DriverOptions(Map.of("url", "tcp://10.0.0.5:2376"));

    private InMemoryLookups lookups;
    private AggregateTestFixture<Machine> fixture;

    @BeforeEach
    void setUp() {
        lookups = MachineGivens.lookups();
        fixture = MachineGivens.fixture(lookups);
    }

    @Test
    void givenNoMachine_whenCreateWithTheNoneDriver_thenMachineCreated() {
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, TEAM, NAME, "none", NONE_URL, ALICE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(MACHINE)
                .expectEvents(new MachineCreated(MACHINE, TEAM, NAME, "none", NONE_URL, ALICE));
    }

    @Test
    void aNoneUrlOnTheCloudMetadataAddress_isRefusedNamingTheOptionAndTheRule_andNothingIsClaimed() {
        var metadata = new DriverOptions(Map.of("url", "tcp://169.254.169.254:80"));
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, TEAM, NAME, "none", metadata, ALICE))
                .expectNoEvents()
                .expectException(io.harbormaster.command.refusal.InvalidCommandException.class)
                .expectExceptionMessage(containsString("driverOptions.url: the platform may not connect to the Docker "
                        + "daemon at tcp://169.254.169.254:80: 169.254.169.254 is link-local (169.254.0.0/16"));
        org.assertj.core.api.Assertions.assertThat(lookups.claimMachine(MachineId.random(), TEAM, NAME, "none"))
                .isEqualTo(io.harbormaster.command.lookup.NameClaims.Claim.CLAIMED);
    }

    @Test
    void aGenericIpAddressInADeniedNetwork_isRefusedNamingTheOption() {
        var loopback = new DriverOptions(Map.of("ip-address", "127.0.0.1", "ssh-port", "2222"));
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, TEAM, NAME, "generic", loopback, ALICE))
                .expectNoEvents()
                .expectException(io.harbormaster.command.refusal.InvalidCommandException.class)
                .expectException(org.axonframework.test.matchers.Matchers.predicate(e ->
                        e instanceof io.harbormaster.command.refusal.InvalidCommandException invalid
                                && invalid.field().equals("driverOptions.ip-address")))
                .expectExceptionMessage(containsString("SSH on port 2222 and Docker Engine on port 2376: 127.0.0.1 "
                        + "is in the denied network 127.0.0.0/8"));
    }

    @Test
    void anAddressAllowedThroughTheSetting_isCreated() {
        fixture = MachineGivens.fixture(lookups, io.harbormaster.command.network.AddressCheck.forNetworks(
                List.of("10.213.0.0/16", "169.254.169.254/32"), List.of()));
        var metadata = new DriverOptions(Map.of("url", "tcp://169.254.169.254:2376"));
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, TEAM, NAME, "none", metadata, ALICE))
                .expectEvents(new MachineCreated(MACHINE, TEAM, NAME, "none", metadata, ALICE));
    }

    @Test
    void givenNoMachine_whenCreateWithoutOptions_thenMachineCreatedWithNoOptions() {
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, TEAM, NAME, "fake", null, ALICE))
                .expectEvents(new MachineCreated(MACHINE, TEAM, NAME, "fake", DriverOptions.none(), ALICE));
    }

    @Test
    void givenAMachineNamedWeb1_whenCreateAnotherWeb1InTheSameTeam_thenNameTaken() {
        lookups.claimMachine(MachineId.random(), TEAM, NAME, "fake");
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, TEAM, MachineName.of("WEB-1"), "fake", null, ALICE))
                .expectNoEvents()
                .expectException(MachineNameTakenException.class)
                .expectExceptionMessage("A machine named 'WEB-1' already exists in this team. "
                        + "Choose another name, or remove the existing machine first.");
    }

    @Test
    void givenAMachineNamedWeb1_whenCreateWeb1InAnotherTeam_thenMachineCreated() {
        lookups.withMember(OTHER_TEAM, ALICE, io.harbormaster.api.team.TeamRole.MEMBER);
        lookups.claimMachine(MachineId.random(), TEAM, NAME, "fake");
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, OTHER_TEAM, NAME, "fake", null, ALICE))
                .expectEvents(new MachineCreated(MACHINE, OTHER_TEAM, NAME, "fake", DriverOptions.none(), ALICE));
    }

    @Test
    void givenAnExistingMachineId_whenCreateWithTheSameId_thenConflict() {
        lookups.claimMachine(MACHINE, TEAM, NAME, "fake");
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, TEAM, MachineName.of("web-2"), "fake", null, ALICE))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    @Test
    void givenNoSuchTeam_whenCreate_thenTeamNotFound() {
        var unknown = TeamId.random();
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, unknown, NAME, "fake", null, ALICE))
                .expectNoEvents()
                .expectException(NotFoundException.class)
                .expectExceptionMessage(containsString("Team " + unknown + " was not found"));
    }

    @Test
    void givenAHolderOutsideTheTeam_whenCreate_thenRefusedAsNotAMember() {
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, TEAM, NAME, "fake", null, CAROL))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("is not a member of team"));
    }

    @Test
    void givenAViewerAsHolder_whenCreate_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, TEAM, NAME, "fake", null, VIC))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("viewers cannot hold machines"));
    }

    @Test
    void givenAnUnregisteredHolder_whenCreate_thenUserNotFound() {
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, TEAM, NAME, "fake", null, UserId.random()))
                .expectNoEvents()
                .expectException(NotFoundException.class);
    }

    @Test
    void givenAnUnknownDriver_whenCreate_thenRefusedListingTheKnownDrivers() {
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, TEAM, NAME, "virtualbox", null, ALICE))
                .expectNoEvents()
                .expectException(UnknownDriverException.class)
                .expectExceptionMessage("Driver \"virtualbox\" not found. Known drivers: fake, generic, none");
    }

    @Test
    void givenANoneMachineWithoutUrl_whenCreate_thenInvalidDriverOptionsNamingUrl() {
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, TEAM, NAME, "none", DriverOptions.none(), ALICE))
                .expectNoEvents()
                .expectException(DriverOptionsRefusedException.class)
                .expectExceptionMessage(allOf(containsString("'url'"), containsString("tcp://")));
    }

    @Test
    void givenNoName_whenCreate_thenInvalidCommand() {
        fixture.givenNoPriorActivity()
                .when(create(MACHINE, TEAM, null, "fake", null, ALICE))
                .expectNoEvents()
                .expectException(InvalidCommandException.class);
    }

    private static CreateMachineCommand create(MachineId id, TeamId team, MachineName name, String driver,
                                               DriverOptions options, UserId holder) {
        return new CreateMachineCommand(id, team, name, driver, options, holder);
    }
}
