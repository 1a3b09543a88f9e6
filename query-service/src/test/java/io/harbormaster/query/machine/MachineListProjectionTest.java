package io.harbormaster.query.machine;

import static io.harbormaster.query.TestCallers.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.*;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.Username;
import io.harbormaster.query.testing.ReadModelDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The machine-list projection as a plain object on a real, migrated PostgreSQL. */
class MachineListProjectionTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final TeamId TEAM = TeamId.of("11111111-1111-1111-1111-111111111111");
    static final UserId ALICE = UserId.of("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa");

    JdbcClient jdbc;
    MachineListProjection projection;
    MachineQueries queries;

    @BeforeEach
    void freshDatabase() {
        jdbc = ReadModelDatabase.fresh();
        projection = new MachineListProjection(jdbc);
        queries = new MachineQueries(jdbc);
        projection.on(new UserRegistered(ALICE, Username.of("alice"), "Alice", false));
        projection.on(new TeamCreated(TEAM, TeamName.of("ops"), ALICE));
    }

    MachineId create(String name) {
        var id = MachineId.random();
        projection.on(new MachineCreated(id, TEAM, MachineName.of(name), "generic",
                new DriverOptions(Map.of("generic-ip-address", "10.0.0.5")), ALICE), 0, T0);
        return id;
    }

    MachineDetail detail(MachineId id) {
        return queries.handle(new FindMachineQuery(id, ADMIN));
    }

    @Test
    void givenMachineCreated_whenQueried_thenDetailHasEverythingDenormalized() {
        var id = create("web-1");

        var detail = detail(id);

        assertThat(detail.name()).isEqualTo("web-1");
        assertThat(detail.state()).isEqualTo(MachineState.Creating);
        assertThat(detail.teamId()).isEqualTo(TEAM);
        assertThat(detail.teamName()).isEqualTo("ops");
        assertThat(detail.holder()).isEqualTo(ALICE);
        assertThat(detail.holderName()).isEqualTo("alice");
        assertThat(detail.driver()).isEqualTo("generic");
        assertThat(detail.driverOptions().values()).containsExactly(Map.entry("generic-ip-address", "10.0.0.5"));
        assertThat(detail.createdAt()).isEqualTo(T0);
        assertThat(detail.updatedAt()).isEqualTo(T0);
        assertThat(detail.version()).isZero();
        assertThat(detail.shares()).isEmpty();
        assertThat(detail.engineOptions()).isEqualTo(EngineOptions.none());
    }

    @Test
    void theEngineOptionsOfTheCreation_areInTheDetail_andARowFromBeforeThemReadsNone() {
        var id = MachineId.random();
        var engine = new EngineOptions(List.of("log-level=warn", "default-ulimit=nofile=1024:2048"),
                List.of("team=blue"), "https://get.docker.com", List.of("docker.example.com", "203.0.113.7"));
        projection.on(new MachineCreated(id, TEAM, MachineName.of("eng-1"), "generic", DriverOptions.none(), ALICE,
                engine), 0, T0);

        assertThat(detail(id).engineOptions()).isEqualTo(engine);
        assertThat(jdbc.sql("SELECT engine_options::text FROM rm_machine WHERE id = ?::uuid").param(id.value())
                .query(String.class).single()).contains("\"flags\": [\"log-level=warn\"");

        var old = create("old-1");
        jdbc.sql("UPDATE rm_machine SET engine_options = '{}'::jsonb WHERE id = ?::uuid").param(old.value()).update();
        assertThat(detail(old).engineOptions()).isEqualTo(EngineOptions.none());
    }

    @Test
    void givenUnknownMachine_whenQueried_thenNull() {
        assertThat(detail(MachineId.random())).isNull();
    }

    @Test
    void everyMachineEvent_setsTheStateOfTheContract() {
        record Case(String event, BiConsumer<MachineId, Instant> apply, MachineState expected) {
        }
        var table = List.of(
                new Case("ProvisioningStarted", (id, at) -> projection.on(new ProvisioningStarted(id, "ubuntu"), 1, at), MachineState.Provisioning),
                new Case("MachineProvisioned", (id, at) -> projection.on(new MachineProvisioned(id, "tcp://10.0.0.5:2376"), 1, at), MachineState.Running),
                new Case("ProvisioningFailed", (id, at) -> projection.on(new ProvisioningFailed(id, "install", "no apt"), 1, at), MachineState.Error),
                new Case("MachineStartRequested", (id, at) -> projection.on(new MachineStartRequested(id), 1, at), MachineState.Starting),
                new Case("MachineRestartRequested", (id, at) -> projection.on(new MachineRestartRequested(id), 1, at), MachineState.Starting),
                new Case("MachineStopRequested", (id, at) -> projection.on(new MachineStopRequested(id), 1, at), MachineState.Stopping),
                new Case("MachineKillRequested", (id, at) -> projection.on(new MachineKillRequested(id), 1, at), MachineState.Stopping),
                new Case("MachineStarted", (id, at) -> projection.on(new MachineStarted(id), 1, at), MachineState.Running),
                new Case("MachineRestarted", (id, at) -> projection.on(new MachineRestarted(id), 1, at), MachineState.Running),
                new Case("MachineStopped", (id, at) -> projection.on(new MachineStopped(id), 1, at), MachineState.Stopped),
                new Case("MachineKilled", (id, at) -> projection.on(new MachineKilled(id), 1, at), MachineState.Stopped),
                new Case("LifecycleOperationFailed", (id, at) -> projection.on(new LifecycleOperationFailed(id, LifecycleOperation.START, "boom", MachineState.Stopped), 1, at), MachineState.Stopped),
                new Case("MachineStateObserved", (id, at) -> projection.on(new MachineStateObserved(id, MachineState.Creating, MachineState.Paused), 1, at), MachineState.Paused),
                new Case("MachineRemovalRequested", (id, at) -> projection.on(new MachineRemovalRequested(id, false), 1, at), MachineState.Removing),
                new Case("RemovalFailed", (id, at) -> projection.on(new RemovalFailed(id, "host gone"), 1, at), MachineState.Error),
                new Case("ProvisioningStepCompleted", (id, at) -> projection.on(new ProvisioningStepCompleted(id, "install", 1, 4), 1, at), MachineState.Creating),
                new Case("IpChanged", (id, at) -> projection.on(new IpChanged(id, "10.0.0.5", "10.0.0.6"), 1, at), MachineState.Creating),
                new Case("CertsRegenerated", (id, at) -> projection.on(new CertsRegenerated(id, "ip-changed", false, "ab:cd", "01", at, "harbormaster/machines/x/tls", 2, "ecdsa-p256", java.util.List.of("10.0.0.6")), 1, at), MachineState.Creating),
                new Case("EngineUpgraded", (id, at) -> projection.on(new EngineUpgraded(id, "27.0", "28.1"), 1, at), MachineState.Creating),
                new Case("ClientCertIssued", (id, at) -> projection.on(new ClientCertIssued(id, ALICE, "07", at), 1, at), MachineState.Creating),
                new Case("SshUserCaInstalled", (id, at) -> projection.on(new io.harbormaster.api.machine.SshUserCaInstalled(id, "SHA256:ca", "/etc/ssh/harbormaster_user_ca.pub"), 1, at), MachineState.Creating),
                new Case("SshUserCaInstallFailed", (id, at) -> projection.on(new io.harbormaster.api.machine.SshUserCaInstallFailed(id, "SHA256:ca", "no sshd"), 1, at), MachineState.Creating),
                new Case("SshCertIssued", (id, at) -> projection.on(new io.harbormaster.api.machine.SshCertIssued(id, ALICE, "harbormaster:alice:m", "7", java.util.List.of("root"), at.minusSeconds(120), at.plusSeconds(300), "SHA256:key"), 1, at), MachineState.Creating),
                new Case("CertsRenewalRequested", (id, at) -> projection.on(new io.harbormaster.api.machine.CertsRenewalRequested(id, "requested", false, null, MachineName.of("m"), "tcp://10.0.0.6:2376", null, null), 1, at), MachineState.Creating),
                new Case("CertsRenewalFailed", (id, at) -> projection.on(new io.harbormaster.api.machine.CertsRenewalFailed(id, "store sealed", true), 1, at), MachineState.Creating),
                new Case("OperationResumed", (id, at) -> projection.on(new io.harbormaster.api.machine.OperationResumed(id, "CREATE"), 1, at), MachineState.Creating));

        for (var c : table) {
            var id = create("m-" + c.event().toLowerCase());
            var at = T0.plusSeconds(60);

            c.apply().accept(id, at);

            var detail = detail(id);
            assertThat(detail.state()).as(c.event()).isEqualTo(c.expected());
            assertThat(detail.version()).as(c.event() + " advances the version").isEqualTo(1);
            assertThat(detail.updatedAt()).as(c.event() + " stamps the event time").isEqualTo(at);
        }
    }

    @Test
    void givenAnImportedMachine_itIsListedWithItsDaemonAndCa_inTheStateImportedWith() {
        var id = MachineId.random();
        var certificates = new io.harbormaster.api.machine.MachineCertificates(false, "AB:CD", "01", T0,
                "machines/" + id + "/tls", 1, "rsa-2048", List.of("10.0.0.9", "localhost"));
        projection.on(new MachineImported(id, TEAM, MachineName.of("legacy"), "none",
                new DriverOptions(java.util.Map.of("url", "tcp://10.0.0.9:2376")), ALICE, MachineState.Unknown, null,
                "tcp://10.0.0.9:2376", certificates, new io.harbormaster.api.machine.ImportedFrom("alice-laptop",
                        "/home/alice/.docker/machine", "amazonec2", DriverOptions.none())), 0, T0);

        var detail = detail(id);
        assertThat(detail.state()).isEqualTo(MachineState.Unknown);
        assertThat(detail.driver()).isEqualTo("none");
        assertThat(detail.dockerUrl()).isEqualTo("tcp://10.0.0.9:2376");
        assertThat(detail.caFingerprint()).isEqualTo("AB:CD");
        assertThat(detail.version()).isZero();
    }

    @Test
    void failures_recordTheReasonAsLastError() {
        var provisioning = create("a");
        var lifecycle = create("b");
        var removal = create("c");

        projection.on(new ProvisioningFailed(provisioning, "install", "no package manager"), 1, T0);
        projection.on(new LifecycleOperationFailed(lifecycle, LifecycleOperation.STOP, "ssh refused", MachineState.Running), 1, T0);
        projection.on(new RemovalFailed(removal, "instance not found"), 1, T0);

        assertThat(detail(provisioning).lastError()).isEqualTo("no package manager");
        assertThat(detail(lifecycle).lastError()).isEqualTo("ssh refused");
        assertThat(detail(lifecycle).state()).isEqualTo(MachineState.Running);
        assertThat(detail(removal).lastError()).isEqualTo("instance not found");
    }

    @Test
    void anObservedProblemIsTheLastError_untilTheMachineAnswersAgain() {
        var id = create("web-1");
        projection.on(new MachineProvisioned(id, "tcp://10.213.0.7:2376"), 1, T0);

        projection.on(new MachineStateObserved(id, MachineState.Running, MachineState.Error,
                "Docker Engine not answering on tcp://10.213.0.7:2376", Instant.parse("2026-12-06T12:04:05Z")), 2, T0);
        assertThat(detail(id).state()).isEqualTo(MachineState.Error);
        assertThat(detail(id).lastError())
                .isEqualTo("Docker Engine not answering on tcp://10.213.0.7:2376 since 2026-12-06 12:04:05 UTC");

        projection.on(new MachineStateObserved(id, MachineState.Error, MachineState.Running), 3, T0);
        assertThat(detail(id).state()).isEqualTo(MachineState.Running);
        assertThat(detail(id).lastError()).isNull();
    }

    @Test
    void aProvisioningThatSucceedsAfterAFailure_clearsTheLastError() {
        var id = create("web-1");
        projection.on(new ProvisioningFailed(id, "ssh", "Cannot reach the SSH server"), 1, T0);

        projection.on(new MachineProvisioned(id, "tcp://10.0.0.5:2376"), 2, T0.plusSeconds(1));

        assertThat(detail(id).state()).isEqualTo(MachineState.Running);
        assertThat(detail(id).lastError()).isNull();
    }

    @Test
    void provisionedSetsTheDockerUrl_andIpChangedMovesIt() {
        var id = create("web-1");
        projection.on(new MachineProvisioned(id, "tcp://10.0.0.5:2376"), 1, T0);

        projection.on(new IpChanged(id, "10.0.0.5", "10.0.0.9"), 2, T0.plusSeconds(1));

        assertThat(detail(id).dockerUrl()).isEqualTo("tcp://10.0.0.9:2376");
        assertThat(detail(id).state()).isEqualTo(MachineState.Running);
    }

    @Test
    void handOff_changesHolderAndHolderName() {
        var bob = UserId.random();
        projection.on(new UserRegistered(bob, Username.of("bob"), "Bob", false));
        var id = create("web-1");

        projection.on(new MachineHandedOff(id, ALICE, bob, true), 1, T0);

        assertThat(detail(id).holder()).isEqualTo(bob);
        assertThat(detail(id).holderName()).isEqualTo("bob");
    }

    @Test
    void namesArrivingAfterTheMachine_areFilledIn() {
        var carol = UserId.random();
        var team = TeamId.random();
        var id = MachineId.random();
        projection.on(new MachineCreated(id, team, MachineName.of("late"), "none", DriverOptions.none(), carol), 0, T0);

        projection.on(new UserRegistered(carol, Username.of("carol"), "Carol", false));
        projection.on(new TeamCreated(team, TeamName.of("late-team"), carol));

        assertThat(detail(id).holderName()).isEqualTo("carol");
        assertThat(detail(id).teamName()).isEqualTo("late-team");
        assertThat(detail(id).version()).as("names are not machine events").isZero();
    }

    @Test
    void sharesAreListedWithNames_andUnshareTakesThemBack() {
        var otherTeam = TeamId.random();
        projection.on(new TeamCreated(otherTeam, TeamName.of("qa"), ALICE));
        var id = create("web-1");

        projection.on(new MachineShared(id, Grantee.team(otherTeam), ShareRole.VIEWER), 1, T0);
        projection.on(new MachineShared(id, Grantee.user(ALICE), ShareRole.MEMBER), 2, T0);

        assertThat(detail(id).shares()).containsExactly(
                new MachineShare(Grantee.team(otherTeam), "qa", ShareRole.VIEWER),
                new MachineShare(Grantee.user(ALICE), "alice", ShareRole.MEMBER));

        projection.on(new MachineUnshared(id, Grantee.team(otherTeam)), 3, T0);

        assertThat(detail(id).shares()).containsExactly(new MachineShare(Grantee.user(ALICE), "alice", ShareRole.MEMBER));
        assertThat(detail(id).version()).isEqualTo(3);
    }

    @Test
    void removedMachine_leavesTheList_andARedeliveredCreationDoesNotReviveIt() {
        var id = create("web-1");
        var kept = create("web-2");
        projection.on(new MachineShared(id, Grantee.user(ALICE), ShareRole.VIEWER), 1, T0);

        projection.on(new MachineRemoved(id, TEAM, MachineName.of("web-1")), 2);
        projection.on(new MachineCreated(id, TEAM, MachineName.of("web-1"), "generic", DriverOptions.none(), ALICE), 0, T0);

        assertThat(detail(id)).isNull();
        assertThat(names(MachineFilter.any())).containsExactly("web-2");
        assertThat(detail(kept)).isNotNull();
        assertThat(ReadModelDatabase.count(jdbc, "rm_machine_share")).isZero();
    }

    @Test
    void naturalOrder_putsWeb2BeforeWeb10_andIgnoresCase() {
        create("web-10");
        create("Web-11");
        create("web-2");
        create("web-1");

        assertThat(names(MachineFilter.any())).containsExactly("web-1", "web-2", "web-10", "Web-11");
    }

    @Test
    void sortKey_padsEveryDigitRun() {
        assertThat(NaturalSortKey.of("Web-2.v10")).isEqualTo("web-" + "0".repeat(19) + "2.v" + "0".repeat(18) + "10");
        assertThat(NaturalSortKey.of("db")).isEqualTo("db");
    }

    List<String> names(MachineFilter filter) {
        return queries.handle(new FindMachinesQuery(filter, PageRequest.first(), ADMIN)).items().stream()
                .map(MachineSummary::name).toList();
    }

    io.harbormaster.api.machine.MachineSummary summary(MachineId id) {
        return queries.handle(new FindMachinesQuery(MachineFilter.any(), PageRequest.first(), ADMIN)).items().stream()
                .filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aMachineInError_saysWhyInTheList_andProvisioningAgainClearsIt() {
        var id = create("broken-1");
        projection.on(new ProvisioningFailed(id, "install-docker", "apt-get install docker-ce failed: no network"),
                1, T0.plusSeconds(1));

        assertThat(summary(id).state()).isEqualTo(MachineState.Error);
        assertThat(summary(id).lastError()).isEqualTo("apt-get install docker-ce failed: no network");

        projection.on(new MachineProvisioned(id, "tcp://10.0.0.5:2376", "27.3.1"), 2, T0.plusSeconds(2));
        assertThat(summary(id).lastError()).isNull();
    }

    @Test
    void theDockerVersion_comesFromTheProvisioning_thenFromEachUpgrade_andIsUnknownWithoutOne() {
        var id = create("versioned-1");
        assertThat(summary(id).dockerVersion()).isNull();

        projection.on(new MachineProvisioned(id, "tcp://10.0.0.5:2376", "27.3.1"), 1, T0.plusSeconds(1));
        assertThat(summary(id).dockerVersion()).isEqualTo("27.3.1");
        assertThat(detail(id).dockerVersion()).isEqualTo("27.3.1");

        projection.on(new EngineUpgraded(id, "27.3.1", "28.0.1"), 2, T0.plusSeconds(2));
        assertThat(summary(id).dockerVersion()).isEqualTo("28.0.1");

        var old = create("versioned-2");
        // an event stored before MachineProvisioned carried the version
        projection.on(new MachineProvisioned(old, "tcp://10.0.0.6:2376"), 1, T0.plusSeconds(1));
        assertThat(detail(old).dockerVersion()).isNull();
    }

    @Test
    void theDetailNamesTheAddress_andTheCurrentCaFingerprint() {
        var id = MachineId.random();
        projection.on(new MachineCreated(id, TEAM, MachineName.of("addr-1"), "generic",
                new DriverOptions(Map.of("ip-address", "10.0.0.9")), ALICE), 0, T0);
        assertThat(detail(id).ipAddress()).as("before the URL: the generic driver's ip-address").isEqualTo("10.0.0.9");
        assertThat(detail(id).caFingerprint()).isNull();

        var first = "AB:CD:" + "00:".repeat(29) + "01";
        projection.on(new CertsRegenerated(id, "created", true, first, "01", T0, "machines/x/tls", 1, "ecdsa-p256",
                List.of("10.0.0.9")), 1, T0.plusSeconds(1));
        projection.on(new MachineProvisioned(id, "tcp://10.0.0.10:2376", "27.3.1"), 2, T0.plusSeconds(2));
        assertThat(detail(id).ipAddress()).as("then the host of the Docker URL").isEqualTo("10.0.0.10");
        assertThat(detail(id).caFingerprint()).isEqualTo(first);

        var rotated = "EF:01:" + "00:".repeat(29) + "02";
        projection.on(new CertsRegenerated(id, "handed-off", true, rotated, "02", T0, "machines/x/tls", 2,
                "ecdsa-p256", List.of("10.0.0.10")), 3, T0.plusSeconds(3));
        assertThat(detail(id).caFingerprint()).isEqualTo(rotated);

        var none = MachineId.random();
        projection.on(new MachineCreated(none, TEAM, MachineName.of("addr-2"), "none",
                new DriverOptions(Map.of("url", "tcp://10.0.0.11:2376")), ALICE), 0, T0);
        assertThat(detail(none).ipAddress()).as("a none machine has no address before its URL is recorded").isNull();
    }

    @Test
    void theDetailShowsTheHostsOs_andTheServerCertificateOfTheLatestMaterial() {
        var id = MachineId.random();
        projection.on(new MachineCreated(id, TEAM, MachineName.of("cert-facts"), "generic",
                new DriverOptions(Map.of("ip-address", "10.0.0.9")), ALICE), 0, T0);
        assertThat(detail(id).os()).isNull();
        assertThat(detail(id).serverCertificate()).as("no certificates yet").isNull();

        projection.on(new io.harbormaster.api.machine.ProvisioningStarted(id, "Debian GNU/Linux 12 (bookworm)"), 1,
                T0.plusSeconds(1));
        var ca = "AB:CD:" + "00:".repeat(29) + "01";
        var server = "12:34:" + "00:".repeat(29) + "FF";
        var expiry = T0.plus(java.time.Duration.ofDays(365));
        projection.on(new CertsRegenerated(id, "created", true, ca, "0a1b", expiry, "machines/x/tls", 1, "ecdsa-p256",
                List.of("10.0.0.9", "cert-facts"), server), 2, T0.plusSeconds(2));

        var detail = detail(id);
        assertThat(detail.os()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(detail.state()).isEqualTo(MachineState.Provisioning);
        assertThat(detail.serverCertificate()).isEqualTo(new io.harbormaster.api.machine.ServerCertificate(server,
                "0a1b", expiry, List.of("10.0.0.9", "cert-facts"), "ecdsa-p256"));

        projection.on(new CertsRegenerated(id, "requested", false, ca, "0c2d", expiry.plusSeconds(60),
                "machines/x/tls", 2, "ecdsa-p256", List.of("10.0.0.9")), 3, T0.plusSeconds(3));
        assertThat(detail(id).serverCertificate())
                .as("a renewal recorded before fingerprints were: the new serial, no stale fingerprint")
                .isEqualTo(new io.harbormaster.api.machine.ServerCertificate(null, "0c2d", expiry.plusSeconds(60),
                        List.of("10.0.0.9"), "ecdsa-p256"));
    }

    @Test
    void byName_findsTheVisibleMachineIgnoringCase_inOneTeamOrAll() {
        var other = TeamId.of("22222222-2222-2222-2222-222222222222");
        projection.on(new TeamCreated(other, TeamName.of("beta"), ALICE));
        var mine = create("Web-1");
        var theirs = MachineId.random();
        projection.on(new MachineCreated(theirs, other, MachineName.of("web-1"), "none",
                new DriverOptions(Map.of("url", "tcp://10.0.0.12:2376")), ALICE), 0, T0);

        var both = queries.handle(new io.harbormaster.api.machine.FindMachineByNameQuery(MachineName.of("WEB-1"), null,
                ADMIN));
        assertThat(both.machines()).extracting(MachineDetail::teamName).containsExactly("beta", "ops");

        var byTeamName = queries.handle(new io.harbormaster.api.machine.FindMachineByNameQuery(MachineName.of("web-1"),
                "OPS", ADMIN));
        assertThat(byTeamName.machines()).extracting(MachineDetail::id).containsExactly(mine);
        var byTeamId = queries.handle(new io.harbormaster.api.machine.FindMachineByNameQuery(MachineName.of("web-1"),
                other.value(), ADMIN));
        assertThat(byTeamId.machines()).extracting(MachineDetail::id).containsExactly(theirs);
        assertThat(queries.handle(new io.harbormaster.api.machine.FindMachineByNameQuery(MachineName.of("web-2"), null,
                ADMIN)).machines()).isEmpty();
    }
}
