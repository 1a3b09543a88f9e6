package io.harbormaster.command.machine;

import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.BOB;
import static io.harbormaster.command.machine.MachineGivens.Ids.CAROL;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.OTHER_TEAM;
import static io.harbormaster.command.machine.MachineGivens.Ids.TEAM;
import static io.harbormaster.command.machine.MachineGivens.Ids.VIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.machine.CertsRenewalRequested;
import io.harbormaster.api.machine.DockerEndpoint;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.HandOffMachineCommand;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineImported;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.RegenerateCertsCommand;
import io.harbormaster.api.machine.SshPrivateKey;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.cert.ImportedMachineTls;
import io.harbormaster.command.lookup.InMemoryLookups;
import io.harbormaster.command.lookup.MachineRecord;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotFoundException;
import io.harbormaster.command.refusal.UnsupportedByDriverException;
import io.harbormaster.command.secret.InMemorySecretStore;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.ssh.MachineSshKeys;
import io.harbormaster.command.ssh.SecretStoreMachineKeys;
import io.harbormaster.testing.DockerMachineCertificates;
import io.harbormaster.testing.DockerMachineStoreWriter;
import io.harbormaster.workstation.dockermachine.DockerMachineStore;
import io.harbormaster.workstation.dockermachine.StoreReading;
import io.harbormaster.workstation.dockermachine.StoredMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing docker-machine machines: the checks of {@link MachineImportHandler}, what is written (secrets, the
 * name, the event) and what is not (on a dry run or a refusal), and how the imported machine decides afterwards.
 * The machines come from stores written as docker-machine writes them and read by the workstation's reader, as
 * {@code hm import} sends them.
 */
class MachineImportTest {

    private static final String IP = "10.213.0.99";
    private static final String URL = "tcp://" + IP + ":2376";

    @TempDir
    Path home;

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private InMemoryLookups lookups;
    private AggregateTestFixture<Machine> fixture;
    private DockerMachineStoreWriter store;
    private String sshKey;

    @BeforeEach
    void setUp() throws Exception {
        lookups = MachineGivens.lookups();
        fixture = MachineGivens.fixture(lookups);
        var keys = new SecretStoreMachineKeys(new MachineSshKeys(secrets));
        fixture.registerAnnotatedCommandHandler(new MachineImportHandler(fixture.getRepository(),
                new io.harbormaster.command.driver.RegistryDriverRules(new io.harbormaster.command.driver.DriverRegistry(
                        List.of(new io.harbormaster.driver.none.NoneDriver(),
                                new io.harbormaster.driver.generic.GenericDriver()))),
                MachineGivens.NETWORKS, new ImportedMachineTls(secrets, Clock.systemUTC()), keys, lookups, lookups,
                lookups, lookups, lookups));
        store = DockerMachineStoreWriter.create(home.resolve(".docker/machine"), "alice");
        var keyFile = home.resolve("id_rsa");
        sshKey = DockerMachineCertificates.rsaPrivateKeyPem();
        Files.writeString(keyFile, sshKey);
        store.generic("web", IP, "root", 22, keyFile, new DockerMachineStoreWriter.Engine(List.of(),
                List.of("team=blue"), List.of(), List.of(), List.of(), "overlay2", "https://get.docker.com",
                List.of()));
        store.none("legacy", "tcp://10.213.0.98:2376");
        store.driver("amazonec2", "cloud", "10.213.0.97", Map.of("AccessKey", "AKIAEXAMPLE",
                "SecretKey", "wJalrXUtnFEMI-secret", "Region", "eu-west-1"));
    }

    @Test
    void aGenericMachine_isImported_withItsMaterialInTheSecretStoreAndOnlyFactsInTheEvent() {
        fixture.givenNoPriorActivity()
                .when(importing("web", false), as(ALICE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.predicate(result ->
                        result instanceof MachineImportOutcome outcome && !outcome.dryRun()
                                && outcome.driver().equals("generic") && outcome.dockerUrl().equals(URL)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(this::isTheImportedWebMachine),
                                org.axonframework.test.matchers.Matchers.andNoMore())));

        var tls = secrets.read(SecretPath.machineTls(MACHINE)).orElseThrow();
        assertThat(tls.value("ca.pem")).isEqualTo(store.ca().certificatePem());
        assertThat(tls.value("ca-key.pem")).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(tls.value("server.pem")).isNotBlank();
        assertThat(secrets.read(SecretPath.machineSsh(MACHINE)).orElseThrow().value("private-key")).isNotBlank();
        assertThat(lookups.claimMachine(MachineId.random(), TEAM, MachineName.of("web"), "generic"))
                .as("the name is claimed").isEqualTo(io.harbormaster.command.lookup.NameClaims.Claim.NAME_TAKEN);
    }

    private boolean isTheImportedWebMachine(Object payload) {
        if (!(payload instanceof MachineImported imported)) {
            return false;
        }
        var certificates = imported.certificates();
        return imported.machineId().equals(MACHINE) && imported.name().value().equals("web")
                && imported.driver().equals("generic") && imported.holder().equals(ALICE)
                && imported.state() == MachineState.Unknown && imported.dockerUrl().equals(URL)
                && imported.driverOptions().equals(new DriverOptions(Map.of("ip-address", IP, "ssh-user", "root",
                        "ssh-port", "22", "engine-port", "2376")))
                && imported.engineOptions().labels().equals(List.of("team=blue"))
                && imported.engineOptions().flags().equals(List.of("storage-driver=overlay2"))
                && certificates.secretPath().equals(SecretPath.machineTls(MACHINE).value())
                && certificates.secretVersion() == 1 && certificates.keyAlgorithm().equals("rsa-2048")
                && certificates.serverNames().equals(List.of(IP, "localhost"))
                && certificates.caFingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")
                && imported.importedFrom().workstation().equals("alice-laptop")
                && imported.importedFrom().storePath().equals("/home/alice/.docker/machine")
                && imported.importedFrom().driver().equals("generic");
    }

    @Test
    void aDryRun_checksEverything_andWritesNothing() {
        fixture.givenNoPriorActivity()
                .when(importing("web", true), as(ALICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        assertThat(secrets.allValues()).isEmpty();
        assertThat(lookups.nameTaken(TEAM, MachineName.of("web"))).isFalse();
    }

    @Test
    void aMachineOfAnotherDriver_becomesAnExistingDaemon_recordingItsDriverWithoutItsCredentials() {
        fixture.givenNoPriorActivity()
                .when(importing("cloud", false), as(ALICE))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(payload ->
                                        payload instanceof MachineImported imported
                                                && imported.driver().equals("none")
                                                && imported.dockerUrl().equals("tcp://10.213.0.97:2376")
                                                && imported.importedFrom().driver().equals("amazonec2")
                                                && imported.importedFrom().driverSettings().get("Region")
                                                .equals("eu-west-1")
                                                && !imported.toString().contains("wJalrXUtnFEMI")
                                                && !imported.toString().contains("AKIAEXAMPLE")),
                                org.axonframework.test.matchers.Matchers.andNoMore())));

        assertThat(secrets.read(SecretPath.machineSsh(MACHINE))).as("an existing daemon is not reached over SSH")
                .isEmpty();
    }

    @Test
    void aNameTakenInTheTeam_isRefusedWithAnotherName_andNothingIsStored() {
        lookups.withMachine(new MachineRecord(MachineId.random(), TEAM, MachineName.of("WEB"), "none",
                DriverOptions.none(), "tcp://10.213.0.50:2376"));

        fixture.givenNoPriorActivity()
                .when(importing("web", false), as(ALICE))
                .expectNoEvents()
                .expectException(MachineNameTakenException.class)
                .expectExceptionMessage("A machine named 'web' already exists in team team-6b1d3c2e. Import this one "
                        + "under another name (hm import web --name NEW), or remove the existing machine first.");

        assertThat(secrets.allValues()).isEmpty();
    }

    @Test
    void aDaemonTheTeamAlreadyManages_isRefusedNamingItsMachine_evenOnADryRun() {
        lookups.withMachine(new MachineRecord(MachineId.random(), TEAM, MachineName.of("web-1"), "generic",
                DriverOptions.none(), URL));

        fixture.givenNoPriorActivity()
                .when(importing("web", true), as(ALICE))
                .expectNoEvents()
                .expectException(MachineAlreadyManagedException.class)
                .expectExceptionMessage("The Docker daemon at " + URL + " is already managed by this platform: it is "
                        + "machine 'web-1' of team team-6b1d3c2e. Nothing was imported.");
    }

    @Test
    void aDaemonAnotherTeamManages_isRefusedWithoutNamingIt() {
        lookups.withMachine(new MachineRecord(MachineId.random(), OTHER_TEAM, MachineName.of("secret-project"),
                "generic", DriverOptions.none(), URL.toUpperCase(java.util.Locale.ROOT)));

        fixture.givenNoPriorActivity()
                .when(importing("web", false), as(ALICE))
                .expectNoEvents()
                .expectException(MachineAlreadyManagedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(containsString("as a machine of another team"),
                        org.hamcrest.Matchers.not(containsString("secret-project"))));
        assertThat(secrets.allValues()).isEmpty();
    }

    @Test
    void aViewerMayNotImport_andAnOutsiderDoesNotSeeTheTeam() {
        fixture.givenNoPriorActivity()
                .when(importing("web", false, VIC), as(VIC))
                .expectNoEvents()
                .expectException(ForbiddenException.class);
        fixture.givenNoPriorActivity()
                .when(importing("web", false, CAROL), as(CAROL))
                .expectNoEvents()
                .expectException(NotFoundException.class);
        assertThat(secrets.allValues()).isEmpty();
    }

    @Test
    void materialThatDoesNotFitTogether_isRefusedNamingThePart_andNothingIsStored() {
        var web = read("web");
        var other = DockerMachineCertificates.server(store.ca(), "alice.other", List.of(IP, "localhost"));
        var command = command(web, false, ALICE, new ImportedTls(web.material().caCert(), web.material().caKey(),
                web.material().serverCert(), other.keyPem(), web.material().clientCert()));

        fixture.givenNoPriorActivity()
                .when(command, as(ALICE))
                .expectNoEvents()
                .expectException(MachineNotImportableException.class)
                .expectExceptionMessage("tls.serverKey: is not the key of tls.serverCert (the two come from "
                        + "different certificates)");

        assertThat(secrets.allValues()).isEmpty();
        assertThat(lookups.nameTaken(TEAM, MachineName.of("web"))).isFalse();
    }

    @Test
    void aGenericMachineWithoutItsSshKey_isRefused() {
        var web = read("web");
        var command = new ImportMachineCommand(MACHINE, TEAM, MachineName.of("web"), ALICE, web.driverName(),
                web.settings().kept(), web.engine(), tls(web), null, "alice-laptop", "/home/alice/.docker/machine",
                false);

        fixture.givenNoPriorActivity()
                .when(command, as(ALICE))
                .expectNoEvents()
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("sshKey must be given");
    }

    @Test
    void givenAnImportedGenericMachine_aMemberGetsClientCertificatesFromTheImportedCa() {
        var imported = importedEvent("web");

        fixture.given(imported)
                .when(new AuthorizeClientCertCommand(MACHINE), as(BOB))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new ClientCertGrant(new DockerEndpoint("web", URL),
                        imported.certificates(), "team-6b1d3c2e"))
                .expectNoEvents();
    }

    @Test
    void givenAnImportedGenericMachine_aRotationMovesItToACaOfItsOwn() {
        var imported = importedEvent("web");

        fixture.given(imported)
                .when(new RegenerateCertsCommand(MACHINE, true, null), as(ALICE))
                .expectEvents(new CertsRenewalRequested(MACHINE, "requested", true, null, MachineName.of("web"), URL,
                        imported.certificates(), null, List.of()));
    }

    @Test
    void givenAnImportedExistingDaemon_noRegenerationOrRevokingHandOffLocksEveryoneOut() {
        var imported = importedEvent("legacy");

        fixture.given(imported)
                .when(new RegenerateCertsCommand(MACHINE, true, null), as(ALICE))
                .expectNoEvents()
                .expectException(UnsupportedByDriverException.class)
                .expectExceptionMessage(containsString("Machine 'legacy' is an existing Docker daemon imported from "
                        + "docker-machine: Harbormaster cannot install certificates on its host"));
        fixture.given(imported)
                .when(new HandOffMachineCommand(MACHINE, BOB, true, null), as(ALICE))
                .expectNoEvents()
                .expectException(UnsupportedByDriverException.class)
                .expectExceptionMessage(containsString("hm handoff --keep-access"));
        fixture.given(imported)
                .when(new HandOffMachineCommand(MACHINE, BOB, false, null), as(ALICE))
                .expectEvents(new MachineHandedOff(MACHINE, ALICE, BOB, false));
    }

    /** The event an import of {@code name} appends, with its material stored as the import stores it. */
    private MachineImported importedEvent(String name) {
        var machine = read(name);
        var certificates = new ImportedMachineTls(secrets, Clock.systemUTC()).store(MACHINE, tls(machine));
        return new MachineImported(MACHINE, TEAM, MachineName.of(name), machine.plan().driver(),
                machine.plan().driverOptions(), ALICE, MachineState.Unknown, machine.plan().engineOptions(),
                machine.plan().dockerUrl(), certificates, null);
    }

    private ImportMachineCommand importing(String name, boolean dryRun) {
        return importing(name, dryRun, ALICE);
    }

    private ImportMachineCommand importing(String name, boolean dryRun, UserId holder) {
        var machine = read(name);
        return command(machine, dryRun, holder, tls(machine));
    }

    private ImportMachineCommand command(StoredMachine machine, boolean dryRun, UserId holder, ImportedTls tls) {
        return new ImportMachineCommand(MACHINE, TEAM, MachineName.of(machine.name()), holder, machine.driverName(),
                machine.settings().kept(), machine.engine(), tls, SshPrivateKey.ofNullable(machine.material().sshKey()),
                "alice-laptop", "/home/alice/.docker/machine", dryRun);
    }

    private static ImportedTls tls(StoredMachine machine) {
        var material = machine.material();
        return new ImportedTls(material.caCert(), material.caKey(), material.serverCert(), material.serverKey(),
                material.clientCert());
    }

    private StoredMachine read(String name) {
        var reading = DockerMachineStore.at(store.store()).read(name, null);
        assertThat(reading).isInstanceOf(StoreReading.Readable.class);
        return ((StoreReading.Readable) reading).machine();
    }

    private static Map<String, String> as(UserId user) {
        return Map.of(AuditMetadata.ACTOR_ID, user.value(), AuditMetadata.ACTOR_NAME, "u" + user.value());
    }
}
