package io.harbormaster.command.machine;

import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.PROVISIONED;
import static io.harbormaster.command.machine.MachineGivens.Ids.VIC;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineProvisionRequested;
import io.harbormaster.api.machine.ProvisionMachineCommand;
import io.harbormaster.api.machine.ProvisioningFailed;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.UnsupportedByDriverException;
import io.harbormaster.driver.generic.GenericDriver;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provisioning again: for drivers that provision, from states where the host exists or creation failed. */
class MachineProvisionTest {

    private static final MachineCreated GENERIC = new MachineCreated(MACHINE, MachineGivens.Ids.TEAM,
            MachineGivens.Ids.NAME, GenericDriver.NAME, new DriverOptions(Map.of("ip-address", "10.213.0.9")), ALICE);

    private static Map<String, String> as(UserId user) {
        return Map.of(AuditMetadata.ACTOR_ID, user.value());
    }

    @Test
    void givenAGenericMachineWhoseProvisioningFailed_whenProvisionedAgain_thenItIsRequested() {
        fixture().given(GENERIC, new ProvisioningFailed(MACHINE, "ssh", "unreachable"))
                .when(new ProvisionMachineCommand(MACHINE), as(ALICE))
                .expectEvents(new MachineProvisionRequested(MACHINE));
    }

    @Test
    void givenARunningGenericMachine_whenProvisionedAgain_thenItIsRequested() {
        fixture().given(GENERIC, PROVISIONED)
                .when(new ProvisionMachineCommand(MACHINE), as(ALICE))
                .expectEvents(new MachineProvisionRequested(MACHINE));
    }

    @Test
    void whileProvisioning_anotherRequestIsRefused() {
        fixture().given(GENERIC, PROVISIONED, new MachineProvisionRequested(MACHINE))
                .when(new ProvisionMachineCommand(MACHINE), as(ALICE))
                .expectNoEvents()
                .expectException(MachineConflictException.class);
    }

    @Test
    void aDriverThatDoesNotProvision_refusesClearly() {
        fixture().given(MachineGivens.created("none"), PROVISIONED)
                .when(new ProvisionMachineCommand(MACHINE), as(ALICE))
                .expectNoEvents()
                .expectException(UnsupportedByDriverException.class);
    }

    @Test
    void aViewerMayNotProvision() {
        fixture().given(GENERIC, PROVISIONED)
                .when(new ProvisionMachineCommand(MACHINE), as(VIC))
                .expectNoEvents()
                .expectException(ForbiddenException.class);
    }

    @Test
    void upgradingARunningGenericMachine_isRequestedWithItsCertificates() {
        var tls = MachineGivens.tls(new io.harbormaster.command.secret.InMemorySecretStore());
        var certificates = tls.regenerate(MACHINE, "web-1", MachineGivens.Ids.URL, null, true, null);
        fixture().given(GENERIC, PROVISIONED, certificates.regenerated(MACHINE, "created"))
                .when(new io.harbormaster.api.machine.UpgradeEngineCommand(MACHINE), as(ALICE))
                .expectEvents(new io.harbormaster.api.machine.EngineUpgradeRequested(MACHINE, certificates));
    }

    @Test
    void upgradingAStoppedMachine_orOneOfADriverThatDoesNotProvision_isRefused() {
        fixture().given(GENERIC, PROVISIONED, new io.harbormaster.api.machine.MachineStopped(MACHINE))
                .when(new io.harbormaster.api.machine.UpgradeEngineCommand(MACHINE), as(ALICE))
                .expectNoEvents()
                .expectException(MachineConflictException.class);
        fixture().given(MachineGivens.created("none"), PROVISIONED)
                .when(new io.harbormaster.api.machine.UpgradeEngineCommand(MACHINE), as(ALICE))
                .expectNoEvents()
                .expectException(UnsupportedByDriverException.class);
    }

    private static org.axonframework.test.aggregate.AggregateTestFixture<Machine> fixture() {
        var lookups = MachineGivens.lookups();
        var fixture = MachineGivens.fixture(lookups);
        return fixture;
    }
}
