package io.harbormaster.command.machine;

import io.harbormaster.api.machine.DockerEndpoint;
import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.BOB;
import static io.harbormaster.command.machine.MachineGivens.Ids.CAROL;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.PROVISIONED;
import static io.harbormaster.command.machine.MachineGivens.Ids.URL;
import static io.harbormaster.command.machine.MachineGivens.Ids.VIC;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.machine.CertsRenewalFailed;
import io.harbormaster.api.machine.CertsRenewalRequested;
import io.harbormaster.api.machine.ClientCertIssued;
import io.harbormaster.api.machine.HandOffMachineCommand;
import io.harbormaster.api.machine.IpChanged;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.command.machine.ObserveAddressCommand;
import io.harbormaster.command.machine.ObserveMachineStateCommand;
import io.harbormaster.api.machine.RegenerateCertsCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotVisibleException;
import io.harbormaster.command.secret.InMemorySecretStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A machine's certificates, as the machine decides and records them: client certificates for those who may use it,
 * renewal requests (regeneration, rotation on hand-off, a new address) and what the certificate process reports. The
 * material itself is made by the process ({@code CertificateRenewalsTest}, {@code ClientCertificateIssuerTest}).
 */
class MachineCertificatesTest {

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private final MachineTls tls = MachineGivens.tls(secrets);
    private AggregateTestFixture<Machine> fixture;
    private MachineCertificates initial;
    private List<Object> withCertificates;

    @BeforeEach
    void setUp() {
        fixture = MachineGivens.fixture(MachineGivens.lookups());
        initial = tls.regenerate(MACHINE, "web-1", URL, null, true, null);
        withCertificates = List.of(MachineGivens.created("fake"), PROVISIONED, initial.regenerated(MACHINE, "created"));
    }

    private static Map<String, String> as(UserId user, String name) {
        return Map.of(AuditMetadata.ACTOR_ID, user.value(), AuditMetadata.ACTOR_NAME, name);
    }

    private CertsRenewalRequested request(String reason, boolean rotateCa, String algorithm, UserId handOffTo) {
        return new CertsRenewalRequested(MACHINE, reason, rotateCa, algorithm, MachineGivens.Ids.NAME, URL, initial,
                handOffTo);
    }

    @Test
    void givenCertificates_whenAMemberAsksForAClientCertificate_thenTheGrantNamesTheMaterialAndTeam() {
        fixture.given(withCertificates)
                .when(new AuthorizeClientCertCommand(MACHINE), as(BOB, "bob"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new ClientCertGrant(new DockerEndpoint("web-1", URL), initial,
                        "team-6b1d3c2e"))
                .expectNoEvents();
    }

    @Test
    void aClientCertificateMadeFromTheCurrentMaterial_isRecordedForTheActingUser() {
        var notAfter = Instant.parse("2026-12-07T00:00:00Z");
        fixture.given(withCertificates)
                .when(new RecordClientCertCommand(MACHINE, "0a1b", notAfter, initial.secretVersion()), as(BOB, "bob"))
                .expectEvents(new ClientCertIssued(MACHINE, BOB, "0a1b", notAfter));
    }

    @Test
    void aClientCertificateMadeFromMaterialReplacedMeanwhile_isNotRecorded() {
        fixture.given(withCertificates)
                .when(new RecordClientCertCommand(MACHINE, "0a1b", Instant.now(), initial.secretVersion() - 1),
                        as(BOB, "bob"))
                .expectNoEvents()
                .expectException(MachineConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("Ask again"));
    }

    @Test
    void aViewerNeverObtainsKeyMaterial() {
        fixture.given(withCertificates)
                .when(new AuthorizeClientCertCommand(MACHINE), as(VIC, "vic"))
                .expectNoEvents()
                .expectException(ForbiddenException.class);
        fixture.given(withCertificates)
                .when(new RecordClientCertCommand(MACHINE, "0a1b", Instant.now(), initial.secretVersion()),
                        as(VIC, "vic"))
                .expectNoEvents()
                .expectException(ForbiddenException.class);
    }

    @Test
    void anOutsiderIsAnsweredLikeForAnUnknownMachine() {
        fixture.given(withCertificates)
                .when(new AuthorizeClientCertCommand(MACHINE), as(CAROL, "carol"))
                .expectNoEvents()
                .expectException(NotVisibleException.class);
    }

    @Test
    void givenNoCertificatesYet_whenAClientCertificateIsAskedFor_thenTheConflictSaysHowToFixIt() {
        fixture.given(MachineGivens.created("fake"), PROVISIONED)
                .when(new AuthorizeClientCertCommand(MACHINE), as(BOB, "bob"))
                .expectNoEvents()
                .expectException(MachineConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("regenerate-certs"));
    }

    @Test
    void handingOffWithRevocation_waitsForANewCa_thenHandsOffAndRecordsItInOneStep() {
        fixture.given(withCertificates)
                .when(new HandOffMachineCommand(MACHINE, BOB, true, null), as(ALICE, "alice"))
                .expectResultMessagePayload(true)
                .expectEvents(request("handed-off", true, null, BOB));
        var rotated = tls.regenerate(MACHINE, "web-1", URL, initial, true, null);
        fixture.given(withCertificates).andGiven(request("handed-off", true, null, BOB))
                .when(new RecordCertsRenewalCommand(MACHINE, rotated))
                .expectEvents(new MachineHandedOff(MACHINE, ALICE, BOB, true), rotated.regenerated(MACHINE, "handed-off"));
    }

    @Test
    void handingOffWithoutRevocation_keepsTheCa() {
        fixture.given(withCertificates)
                .when(new HandOffMachineCommand(MACHINE, BOB, false, null), as(ALICE, "alice"))
                .expectResultMessagePayload(false)
                .expectEvents(new MachineHandedOff(MACHINE, ALICE, BOB, false));
    }

    @Test
    void whenTheNewCaCannotBeStored_theHandOffDoesNotHappen() {
        fixture.given(withCertificates).andGiven(request("handed-off", true, null, BOB))
                .when(new FailCertsRenewalCommand(MACHINE, "The secret store is sealed.", true))
                .expectEvents(new CertsRenewalFailed(MACHINE, "The secret store is sealed.", true));
        fixture.given(withCertificates).andGiven(request("handed-off", true, null, BOB),
                        new CertsRenewalFailed(MACHINE, "The secret store is sealed.", true))
                .when(new HandOffMachineCommand(MACHINE, BOB, true, null), as(ALICE, "alice"))
                // Bob does not hold it (the hand-off never happened), and nothing is running: it can be asked again
                .expectEvents(request("handed-off", true, null, BOB));
    }

    @Test
    void regeneratingWithoutRotation_requestsANewServerCertificateFromTheSameCa() {
        fixture.given(withCertificates)
                .when(new RegenerateCertsCommand(MACHINE, false, null), as(BOB, "bob"))
                .expectEvents(request("requested", false, null, null));
    }

    @Test
    void aSecondRenewalWhileOneRuns_isRefused_soEachStoredVersionHasItsDecision() {
        fixture.given(withCertificates).andGiven(request("requested", false, null, null))
                .when(new RegenerateCertsCommand(MACHINE, false, null), as(BOB, "bob"))
                .expectNoEvents()
                .expectException(MachineConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("being made right now"));
        fixture.given(withCertificates).andGiven(request("requested", false, null, null))
                .when(new HandOffMachineCommand(MACHINE, BOB, true, null), as(ALICE, "alice"))
                .expectNoEvents()
                .expectException(MachineConflictException.class);
    }

    @Test
    void rotatingTheCaWithAnotherKeyAlgorithm_needsTheManageRight_andAsksForTheNewAlgorithm() {
        fixture.given(withCertificates)
                .when(new RegenerateCertsCommand(MACHINE, true, "rsa-2048"), as(BOB, "bob"))
                .expectNoEvents()
                .expectException(ForbiddenException.class);
        fixture.given(withCertificates)
                .when(new RegenerateCertsCommand(MACHINE, true, "RSA-2048"), as(ALICE, "alice"))
                .expectEvents(request("requested", true, "rsa-2048", null));
    }

    @Test
    void aKeyAlgorithmWithoutRotation_orAnUnknownOne_isRefusedNamingTheField() {
        fixture.given(withCertificates)
                .when(new RegenerateCertsCommand(MACHINE, false, "rsa-2048"), as(ALICE, "alice"))
                .expectNoEvents()
                .expectException(InvalidCommandException.class);
        fixture.given(withCertificates)
                .when(new RegenerateCertsCommand(MACHINE, true, "dsa-1024"), as(ALICE, "alice"))
                .expectNoEvents()
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("ecdsa-p256"));
    }

    @Test
    void theReportedMaterialIsRecordedOnlyWhileItsRequestRuns() {
        var renewed = tls.regenerate(MACHINE, "web-1", URL, initial, false, null);
        fixture.given(withCertificates).andGiven(request("requested", false, null, null))
                .when(new RecordCertsRenewalCommand(MACHINE, renewed))
                .expectEvents(renewed.regenerated(MACHINE, "requested"));
        fixture.given(withCertificates)
                .when(new RecordCertsRenewalCommand(MACHINE, renewed))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNewAddress_asksForAServerCertificateNamingIt_andOneWhileARenewalRunsFollowsIt() {
        var moved = "tcp://192.0.2.99:2376";
        fixture.given(withCertificates)
                .when(new ObserveAddressCommand(MACHINE, "192.0.2.99"))
                .expectEvents(new IpChanged(MACHINE, "192.0.2.10", "192.0.2.99"),
                        new CertsRenewalRequested(MACHINE, "ip-changed", false, null, MachineGivens.Ids.NAME, moved,
                                initial, null));
        var renewed = tls.regenerate(MACHINE, "web-1", URL, initial, false, null);
        fixture.given(withCertificates).andGiven(request("requested", false, null, null),
                        new IpChanged(MACHINE, "192.0.2.10", "192.0.2.99"))
                .when(new RecordCertsRenewalCommand(MACHINE, renewed))
                .expectEvents(renewed.regenerated(MACHINE, "requested"),
                        new CertsRenewalRequested(MACHINE, "ip-changed", false, null, MachineGivens.Ids.NAME, moved,
                                renewed, null));
    }

    @Test
    void aFailedRenewalForANewAddress_isAskedForAgainAtTheNextObservation() {
        var moved = "tcp://192.0.2.99:2376";
        var failedForAddress = List.<Object>of(new IpChanged(MACHINE, "192.0.2.10", "192.0.2.99"),
                new CertsRenewalRequested(MACHINE, "ip-changed", false, null, MachineGivens.Ids.NAME, moved, initial,
                        null),
                new CertsRenewalFailed(MACHINE, "The secret store did not answer.", true));
        fixture.given(withCertificates).andGiven(failedForAddress)
                .when(new ObserveMachineStateCommand(MACHINE, MachineState.Running))
                .expectEvents(new CertsRenewalRequested(MACHINE, "ip-changed", false, null, MachineGivens.Ids.NAME,
                        moved, initial, null));
    }

    @Test
    void noEventEverHoldsKeyMaterial() {
        assertThat(initial.regenerated(MACHINE, "created").toString()).doesNotContain("BEGIN");
        assertThat(request("requested", true, null, null).toString()).doesNotContain("BEGIN");
        assertThat(secrets.allValues()).anySatisfy(v -> assertThat(v).contains("PRIVATE KEY"));
    }
}
