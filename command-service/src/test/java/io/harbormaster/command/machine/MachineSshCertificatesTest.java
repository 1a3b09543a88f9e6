package io.harbormaster.command.machine;

import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.BOB;
import static io.harbormaster.command.machine.MachineGivens.Ids.CAROL;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.NAME;
import static io.harbormaster.command.machine.MachineGivens.Ids.PROVISIONED;
import static io.harbormaster.command.machine.MachineGivens.Ids.TEAM;
import static io.harbormaster.command.machine.MachineGivens.Ids.VIC;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineProvisionRequested;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineStateObserved;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.ProvisioningFailed;
import io.harbormaster.api.machine.SshCertIssued;
import io.harbormaster.api.machine.SshHostKeyPinned;
import io.harbormaster.api.machine.SshUserCaInstallFailed;
import io.harbormaster.api.machine.SshUserCaInstalled;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotVisibleException;
import io.harbormaster.command.refusal.UnsupportedByDriverException;
import io.harbormaster.driver.generic.GenericDriver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SSH certificates for a machine's host, as the machine decides and records them: who may have one, on which
 * drivers, in which states, only once the host trusts the machine's SSH user CA, and what the record holds. The
 * signing itself is the issuer's ({@code SshCertificateIssuer}), checked end to end with the real ssh.
 */
class MachineSshCertificatesTest {

    private static final String HOST_KEY = "SHA256:" + "H".repeat(43);
    private static final String CA = "SHA256:" + "C".repeat(43);
    private static final String OTHER_CA = "SHA256:" + "D".repeat(43);
    private static final String KEY = "SHA256:" + "K".repeat(43);
    private static final Instant AFTER = Instant.parse("2026-12-07T09:58:00Z");
    private static final Instant BEFORE = Instant.parse("2026-12-07T10:05:00Z");

    private static MachineCreated generic(UserId holder) {
        return new MachineCreated(MACHINE, TEAM, NAME, GenericDriver.NAME,
                new DriverOptions(Map.of("ip-address", "192.0.2.10")), holder);
    }

    /** A generic machine held by {@code holder}, provisioned, its host key pinned and its host trusting the CA. */
    private static List<Object> trusted(UserId holder, Object... after) {
        var events = new ArrayList<Object>(List.of(generic(holder),
                new SshHostKeyPinned(MACHINE, "192.0.2.10", "ssh-ed25519", HOST_KEY), PROVISIONED,
                new SshUserCaInstalled(MACHINE, CA, "/etc/ssh/harbormaster_user_ca.pub")));
        events.addAll(List.of(after));
        return events;
    }

    private static Map<String, String> as(UserId user) {
        return Map.of(AuditMetadata.ACTOR_ID, user.value(), AuditMetadata.ACTOR_NAME, "user");
    }

    private static RecordSshCertCommand record(String caFingerprint) {
        return new RecordSshCertCommand(MACHINE, "harbormaster:bob:web-1", "1234567890123456789", List.of("root"),
                AFTER, BEFORE, KEY, caFingerprint);
    }

    private static AggregateTestFixture<Machine> fixture() {
        return MachineGivens.fixture(MachineGivens.lookups());
    }

    @Test
    void givenAHostThatTrustsTheCa_whenAMemberAsks_thenTheGrantNamesTheCaAndThePinnedHostKey() {
        fixture().given(trusted(ALICE))
                .when(new AuthorizeSshCertCommand(MACHINE), as(BOB))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new SshCertGrant(NAME, CA, "ssh-ed25519", HOST_KEY))
                .expectNoEvents();
    }

    @Test
    void aSignedCertificate_isRecordedForTheActingUser_withItsKeyFingerprintAndNoKey() {
        fixture().given(trusted(ALICE))
                .when(record(CA), as(BOB))
                .expectEvents(new SshCertIssued(MACHINE, BOB, "harbormaster:bob:web-1", "1234567890123456789",
                        List.of("root"), AFTER, BEFORE, KEY));
    }

    @Test
    void aCertificateSignedByAnotherCaThanTheHostTrusts_isNotRecorded() {
        fixture().given(trusted(ALICE))
                .when(record(OTHER_CA), as(BOB))
                .expectNoEvents()
                .expectException(MachineConflictException.class)
                .expectExceptionMessage(containsString("Ask again"));
    }

    @Test
    void aViewerIsForbiddenWithWhyAndWhomToAsk_andAnOutsiderDoesNotSeeTheMachine() {
        fixture().given(trusted(ALICE))
                .when(new AuthorizeSshCertCommand(MACHINE), as(VIC))
                .expectNoEvents()
                .expectException(ForbiddenException.class)
                .expectExceptionMessage(allOf(containsString("You get no SSH certificate for machine 'web-1'"),
                        containsString("may only view it"), containsString("MEMBER role")));
        fixture().given(trusted(ALICE))
                .when(record(CA), as(VIC))
                .expectNoEvents()
                .expectException(ForbiddenException.class);
        fixture().given(trusted(ALICE))
                .when(new AuthorizeSshCertCommand(MACHINE), as(CAROL))
                .expectNoEvents()
                .expectException(NotVisibleException.class);
    }

    @Test
    void aHolderWhoIsOnlyAViewerOfTheTeam_getsACertificate_untilAHandOffThatRevokesTheirAccess() {
        fixture().given(trusted(VIC))
                .when(new AuthorizeSshCertCommand(MACHINE), as(VIC))
                .expectSuccessfulHandlerExecution();
        fixture().given(trusted(VIC, new MachineHandedOff(MACHINE, VIC, BOB, true)))
                .when(new AuthorizeSshCertCommand(MACHINE), as(VIC))
                .expectNoEvents()
                .expectException(ForbiddenException.class);
        fixture().given(trusted(VIC, new MachineHandedOff(MACHINE, VIC, BOB, true)))
                .when(new AuthorizeSshCertCommand(MACHINE), as(BOB))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theHostOfAMachineProvisionedBeforeSshCertificates_isNotAskedToTrustOne_soTheRefusalSaysHowToGetIt() {
        fixture().given(generic(ALICE), new SshHostKeyPinned(MACHINE, "192.0.2.10", "ssh-ed25519", HOST_KEY),
                        PROVISIONED)
                .when(new AuthorizeSshCertCommand(MACHINE), as(BOB))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(allOf(containsString("does not trust its SSH user CA yet"),
                        containsString("hm provision web-1"), containsString("hm regenerate-certs web-1")));
    }

    @Test
    void whenTheLastAttemptToTrustTheCaFailed_theRefusalSaysWhy() {
        fixture().given(generic(ALICE), new SshHostKeyPinned(MACHINE, "192.0.2.10", "ssh-ed25519", HOST_KEY),
                        PROVISIONED, new SshUserCaInstallFailed(MACHINE, CA, "sshd -t refused the configuration."))
                .when(new AuthorizeSshCertCommand(MACHINE), as(BOB))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(allOf(containsString("the last attempt failed: sshd -t refused"),
                        containsString("hm provision web-1")));
    }

    @Test
    void aDriverWithoutSsh_signsNoCertificates() {
        fixture().given(MachineGivens.created("none"), PROVISIONED)
                .when(new AuthorizeSshCertCommand(MACHINE), as(ALICE))
                .expectNoEvents()
                .expectException(UnsupportedByDriverException.class)
                .expectExceptionMessage(containsString("The none driver gives no SSH access"));
    }

    @Test
    void thePlatformItselfHoldsNoCertificate() {
        fixture().given(trusted(ALICE))
                .when(new AuthorizeSshCertCommand(MACHINE), Map.of(AuditMetadata.ACTOR_ID, AuditMetadata.SYSTEM_ACTOR))
                .expectNoEvents()
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(containsString("SSH certificates are issued to users"));
    }

    /** A host that runs, even one in Error, may be reached; one being made, stopped or removed may not. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(MachineState.class)
    void inWhichStatesACertificateIsGranted(MachineState state) {
        var given = switch (state) {
            case Running -> trusted(ALICE);
            case Error, Timeout, Unknown, Paused -> trusted(ALICE, new MachineStateObserved(MACHINE,
                    MachineState.Running, state));
            case Stopped -> trusted(ALICE, new MachineStopped(MACHINE));
            case Starting -> trusted(ALICE, new io.harbormaster.api.machine.MachineRestartRequested(MACHINE));
            case Stopping -> trusted(ALICE, new io.harbormaster.api.machine.MachineStopRequested(MACHINE));
            case Provisioning -> trusted(ALICE, new MachineProvisionRequested(MACHINE));
            case Creating -> List.<Object>of(generic(ALICE));
            case Removing -> trusted(ALICE, new MachineRemovalRequested(MACHINE, false));
            case Removed -> trusted(ALICE, new MachineRemovalRequested(MACHINE, false),
                    new io.harbormaster.api.machine.MachineRemoved(MACHINE, TEAM, NAME));
        };
        var result = fixture().given(given).when(new AuthorizeSshCertCommand(MACHINE), as(BOB));
        switch (state) {
            case Running, Error, Timeout, Unknown -> result.expectSuccessfulHandlerExecution().expectNoEvents();
            default -> result.expectNoEvents().expectException(MachineConflictException.class)
                    .expectExceptionMessage(containsString(state == MachineState.Removed ? "was removed"
                            : "cannot be reached over SSH: it is " + state));
        }
    }

    @Test
    void aHostWhoseFirstProvisioningFailedAfterTrustingTheCa_mayBeReachedToSeeWhy() {
        fixture().given(generic(ALICE), new SshHostKeyPinned(MACHINE, "192.0.2.10", "ssh-ed25519", HOST_KEY),
                        new SshUserCaInstalled(MACHINE, CA, "/etc/ssh/harbormaster_user_ca.pub"),
                        new ProvisioningFailed(MACHINE, "restart-docker", "dockerd did not start"))
                .when(new AuthorizeSshCertCommand(MACHINE), as(BOB))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theHostTrustingTheCa_isRecordedWhenItChanges_notOnEveryProvisioning() {
        var installed = new SshUserCaInstalled(MACHINE, CA, "/etc/ssh/harbormaster_user_ca.pub");
        fixture().given(generic(ALICE), PROVISIONED)
                .when(ReportSshUserCaCommand.trusted(MACHINE, CA, "/etc/ssh/harbormaster_user_ca.pub"))
                .expectEvents(installed);
        fixture().given(generic(ALICE), PROVISIONED, installed)
                .when(ReportSshUserCaCommand.trusted(MACHINE, CA, "/etc/ssh/harbormaster_user_ca.pub"))
                .expectNoEvents();
        fixture().given(generic(ALICE), PROVISIONED, installed)
                .when(ReportSshUserCaCommand.trusted(MACHINE, OTHER_CA, "/etc/ssh/harbormaster_user_ca.pub"))
                .expectEvents(new SshUserCaInstalled(MACHINE, OTHER_CA, "/etc/ssh/harbormaster_user_ca.pub"));
    }

    @Test
    void aFailureToTrustTheCa_isRecordedWithItsReason_andTheNextSuccessAgain() {
        var failed = new SshUserCaInstallFailed(MACHINE, CA, "no sshd on the host's PATH");
        var installed = new SshUserCaInstalled(MACHINE, CA, "/etc/ssh/harbormaster_user_ca.pub");
        fixture().given(generic(ALICE), PROVISIONED, installed)
                .when(ReportSshUserCaCommand.failed(MACHINE, CA, "no sshd on the host's PATH"))
                .expectEvents(failed);
        fixture().given(generic(ALICE), PROVISIONED, installed, failed)
                .when(ReportSshUserCaCommand.trusted(MACHINE, CA, "/etc/ssh/harbormaster_user_ca.pub"))
                .expectEvents(installed);
    }
}
