package io.harbormaster.command.machine;

import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.BOB;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.PROVISIONED;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineProvisionRequested;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.PinHostKeyCommand;
import io.harbormaster.api.machine.SshHostKeyPinned;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.driver.generic.GenericDriver;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Pinning a host key a user checked on a rebuilt host: who may, which keys, in which states. */
class MachineHostKeyTest {

    private static final MachineCreated GENERIC = new MachineCreated(MACHINE, MachineGivens.Ids.TEAM,
            MachineGivens.Ids.NAME, GenericDriver.NAME, new DriverOptions(Map.of("ip-address", "192.0.2.10")), ALICE);
    private static final String FIRST = "SHA256:" + "A".repeat(43);
    private static final String REBUILT = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";
    private static final SshHostKeyPinned FIRST_PIN = new SshHostKeyPinned(MACHINE, "192.0.2.10", "ssh-ed25519",
            FIRST);

    private static Map<String, String> as(UserId user) {
        return Map.of(AuditMetadata.ACTOR_ID, user.value());
    }

    @Test
    void givenAPinnedKey_whenTheHolderPinsTheRebuiltHostsKey_thenThatKeyIsPinned() {
        fixture().given(GENERIC, FIRST_PIN, PROVISIONED)
                .when(new PinHostKeyCommand(MACHINE, "ssh-ed25519", " " + REBUILT + "\n"), as(ALICE))
                .expectEvents(new SshHostKeyPinned(MACHINE, "192.0.2.10", "ssh-ed25519", REBUILT));
    }

    @Test
    void givenThatKeyIsPinnedAlready_whenPinnedAgain_thenNothingHappens() {
        fixture().given(GENERIC, FIRST_PIN, PROVISIONED)
                .when(new PinHostKeyCommand(MACHINE, "ssh-ed25519", FIRST), as(ALICE))
                .expectNoEvents();
    }

    @Test
    void aMemberWhoIsNotTheHolder_mayNotDecideWhichHostToTrust() {
        fixture().given(GENERIC, FIRST_PIN, PROVISIONED)
                .when(new PinHostKeyCommand(MACHINE, "ssh-ed25519", REBUILT), as(BOB))
                .expectNoEvents()
                .expectException(ForbiddenException.class);
    }

    @Test
    void aMalformedFingerprintOrAnUnknownKeyType_isRefusedNamingTheField() {
        fixture().given(GENERIC, FIRST_PIN, PROVISIONED)
                .when(new PinHostKeyCommand(MACHINE, "ssh-ed25519", "SHA256:short"), as(ALICE))
                .expectNoEvents()
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("ssh-keygen -lf"));
        fixture().given(GENERIC, FIRST_PIN, PROVISIONED)
                .when(new PinHostKeyCommand(MACHINE, "ssh-dss", REBUILT), as(ALICE))
                .expectNoEvents()
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("ssh-ed25519"));
    }

    @Test
    void whileProvisioningOrBeingRemoved_aPinIsRefused() {
        fixture().given(GENERIC, FIRST_PIN, PROVISIONED, new MachineProvisionRequested(MACHINE))
                .when(new PinHostKeyCommand(MACHINE, "ssh-ed25519", REBUILT), as(ALICE))
                .expectNoEvents()
                .expectException(MachineConflictException.class);
        fixture().given(GENERIC, FIRST_PIN, PROVISIONED, new MachineRemovalRequested(MACHINE, false))
                .when(new PinHostKeyCommand(MACHINE, "ssh-ed25519", REBUILT), as(ALICE))
                .expectNoEvents()
                .expectException(MachineConflictException.class);
    }

    @Test
    void aStoppedMachineOrOneWhoseCreationFailed_acceptsAPin_theLatterWithoutAnAddress() {
        fixture().given(GENERIC, FIRST_PIN, PROVISIONED, new io.harbormaster.api.machine.MachineStopped(MACHINE))
                .when(new PinHostKeyCommand(MACHINE, "ssh-ed25519", REBUILT), as(ALICE))
                .expectEvents(new SshHostKeyPinned(MACHINE, "192.0.2.10", "ssh-ed25519", REBUILT));
        fixture().given(GENERIC, FIRST_PIN, new io.harbormaster.api.machine.ProvisioningFailed(MACHINE, "ssh", "no"))
                .when(new PinHostKeyCommand(MACHINE, "ssh-ed25519", REBUILT), as(ALICE))
                .expectEvents(new SshHostKeyPinned(MACHINE, "", "ssh-ed25519", REBUILT));
    }

    @Test
    void aDriverThatDoesNotUseSsh_hasNoHostKeyToPin() {
        fixture().given(MachineGivens.created("none"), PROVISIONED)
                .when(new PinHostKeyCommand(MACHINE, "ssh-ed25519", REBUILT), as(ALICE))
                .expectNoEvents()
                .expectException(io.harbormaster.command.refusal.UnsupportedByDriverException.class);
    }

    private static AggregateTestFixture<Machine> fixture() {
        return MachineGivens.fixture(MachineGivens.lookups());
    }
}
