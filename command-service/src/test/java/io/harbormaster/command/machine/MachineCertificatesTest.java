package io.harbormaster.command.machine;

import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.BOB;
import static io.harbormaster.command.machine.MachineGivens.Ids.CAROL;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.PROVISIONED;
import static io.harbormaster.command.machine.MachineGivens.Ids.URL;
import static io.harbormaster.command.machine.MachineGivens.Ids.VIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.machine.CertsRegenerated;
import io.harbormaster.api.machine.ClientCertIssued;
import io.harbormaster.api.machine.DockerEndpoint;
import io.harbormaster.api.machine.HandOffMachineCommand;
import io.harbormaster.api.machine.IssueClientCertCommand;
import io.harbormaster.api.machine.IssuedClientCertificate;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.RegenerateCertsCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.command.cert.Pem;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotVisibleException;
import io.harbormaster.command.secret.InMemorySecretStore;
import io.harbormaster.command.secret.SecretStoreSealedException;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A machine's certificates: client certificates for those who may use it, regeneration, rotation on hand-off. */
class MachineCertificatesTest {

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private final MachineTls tls = MachineGivens.tls(secrets);
    private AggregateTestFixture<Machine> fixture;
    private MachineCertificates initial;
    private List<Object> withCertificates;

    @BeforeEach
    void setUp() {
        fixture = MachineGivens.fixture(MachineGivens.lookups(), tls);
        initial = tls.regenerate(MACHINE, "web-1", URL, null, true, null);
        withCertificates = List.of(MachineGivens.created("fake"), PROVISIONED, initial.regenerated(MACHINE, "created"));
    }

    private static Map<String, String> as(UserId user, String name) {
        return Map.of(AuditMetadata.ACTOR_ID, user.value(), AuditMetadata.ACTOR_NAME, name);
    }

    @Test
    void givenCertificates_whenAMemberAsksForAClientCertificate_thenItIsIssuedByTheMachinesCaAndRecorded() {
        fixture.given(withCertificates)
                .when(new IssueClientCertCommand(MACHINE), as(BOB, "bob"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(predicate(result -> {
                    var issued = (IssuedClientCertificate) result;
                    var certificate = Pem.readCertificate(issued.material().certPem());
                    return issued.endpoint().equals(new DockerEndpoint("web-1", URL))
                            && certificate.getSubjectX500Principal().getName().startsWith("CN=bob")
                            && issued.material().caPem().equals(secrets.allValues().stream()
                                    .filter(v -> v.equals(issued.material().caPem())).findFirst().orElse(""));
                }))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e ->
                        e instanceof ClientCertIssued issued && issued.userId().equals(BOB)
                                && issued.serial().matches("[0-9a-f]{32}")), andNoMore())));
    }

    @Test
    void aViewerNeverObtainsKeyMaterial() {
        fixture.given(withCertificates)
                .when(new IssueClientCertCommand(MACHINE), as(VIC, "vic"))
                .expectNoEvents()
                .expectException(ForbiddenException.class);
    }

    @Test
    void anOutsiderIsAnsweredLikeForAnUnknownMachine() {
        fixture.given(withCertificates)
                .when(new IssueClientCertCommand(MACHINE), as(CAROL, "carol"))
                .expectNoEvents()
                .expectException(NotVisibleException.class);
    }

    @Test
    void givenNoCertificatesYet_whenAClientCertificateIsAskedFor_thenTheConflictSaysHowToFixIt() {
        fixture.given(MachineGivens.created("fake"), PROVISIONED)
                .when(new IssueClientCertCommand(MACHINE), as(BOB, "bob"))
                .expectNoEvents()
                .expectException(MachineConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("regenerate-certs"));
    }

    @Test
    void handingOffWithRevocation_rotatesTheCaInTheSameStep() {
        fixture.given(withCertificates)
                .when(new HandOffMachineCommand(MACHINE, BOB, true, null), as(ALICE, "alice"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(e -> e.equals(new MachineHandedOff(MACHINE, ALICE, BOB, true))),
                        predicate(e -> e instanceof CertsRegenerated c && c.reason().equals("handed-off")
                                && c.caRotated() && !c.caFingerprint().equals(initial.caFingerprint())
                                && c.secretVersion() == initial.secretVersion() + 1),
                        andNoMore())));
    }

    @Test
    void handingOffWithoutRevocation_keepsTheCa() {
        fixture.given(withCertificates)
                .when(new HandOffMachineCommand(MACHINE, BOB, false, null), as(ALICE, "alice"))
                .expectEvents(new MachineHandedOff(MACHINE, ALICE, BOB, false));
    }

    @Test
    void whenTheSecretStoreIsSealed_theHandOffIsRefusedAsAWhole() {
        secrets.seal(true);
        fixture.given(withCertificates)
                .when(new HandOffMachineCommand(MACHINE, BOB, true, null), as(ALICE, "alice"))
                .expectNoEvents()
                .expectException(SecretStoreSealedException.class);
    }

    @Test
    void regeneratingWithoutRotation_keepsTheCaAndIssuesANewServerCertificate() {
        fixture.given(withCertificates)
                .when(new RegenerateCertsCommand(MACHINE, false, null), as(BOB, "bob"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e ->
                        e instanceof CertsRegenerated c && !c.caRotated()
                                && c.caFingerprint().equals(initial.caFingerprint())
                                && !c.serverSerial().equals(initial.serverSerial())), andNoMore())));
    }

    @Test
    void rotatingTheCaWithAnotherKeyAlgorithm_needsTheManageRight_andUsesTheNewAlgorithm() {
        fixture.given(withCertificates)
                .when(new RegenerateCertsCommand(MACHINE, true, "rsa-2048"), as(BOB, "bob"))
                .expectNoEvents()
                .expectException(ForbiddenException.class);
        fixture.given(withCertificates)
                .when(new RegenerateCertsCommand(MACHINE, true, "rsa-2048"), as(ALICE, "alice"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e ->
                        e instanceof CertsRegenerated c && c.caRotated() && c.keyAlgorithm().equals("rsa-2048")),
                        andNoMore())));
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
    void noEventEverHoldsKeyMaterial() {
        assertThat(initial.regenerated(MACHINE, "created").toString()).doesNotContain("BEGIN");
        assertThat(secrets.allValues()).anySatisfy(v -> assertThat(v).contains("PRIVATE KEY"));
    }
}
