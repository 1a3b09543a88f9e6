package io.harbormaster.command.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.MemberRemoved;
import io.harbormaster.api.team.MemberRoleChanged;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.Username;
import io.harbormaster.command.lookup.NameClaims.Claim;
import io.harbormaster.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The lookups on a real PostgreSQL with the real migrations: claims, releases, membership, transactions. */
class JdbcLookupsTest {

    private static final DriverOptions OPTIONS = new DriverOptions(Map.of("url", "tcp://10.0.0.5:2376"));
    private static final Map<MachineId, DriverOptions> RECORDED_OPTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    private static DataSource dataSource;
    private static JdbcLookups lookups;
    private static LookupMaintainer maintainer;

    @BeforeAll
    static void migrate() {
        var database = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations(migrations()).load().migrate();
        dataSource = database.dataSource();
        // the options come from the machine's creation event (EventStoreDriverOptionsTest); here, from a map of them
        lookups = new JdbcLookups(dataSource, id -> RECORDED_OPTIONS.getOrDefault(id, DriverOptions.none()));
        maintainer = new LookupMaintainer(lookups, dataSource);
    }

    /**
     * The db module's migrations from the classpath when the build put the current ones there, otherwise from its
     * sources: a module built on its own may see an older installed db jar without this module's migration.
     */
    private static String migrations() {
        var current = JdbcLookupsTest.class.getClassLoader().getResource("db/migration/V2__command_lookups.sql");
        return current != null ? "classpath:db/migration"
                : "filesystem:" + Path.of("..", "db", "src", "main", "resources", "db", "migration").toAbsolutePath();
    }

    @Test
    void aMachineNameIsClaimedOncePerTeamIgnoringCase() {
        var team = TeamId.random();
        assertThat(claim(MachineId.random(), team, "web-1")).isEqualTo(Claim.CLAIMED);
        assertThat(claim(MachineId.random(), team, "web-1")).isEqualTo(Claim.NAME_TAKEN);
        assertThat(claim(MachineId.random(), team, "WEB-1")).isEqualTo(Claim.NAME_TAKEN);
        assertThat(claim(MachineId.random(), TeamId.random(), "web-1")).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void aMachineIdIsClaimedOnce() {
        var id = MachineId.random();
        var team = TeamId.random();
        assertThat(claim(id, team, "db-1")).isEqualTo(Claim.CLAIMED);
        assertThat(claim(id, team, "db-2")).isEqualTo(Claim.ID_TAKEN);
    }

    @Test
    void aRemovedMachinesNameCanBeClaimedAgain() {
        var team = TeamId.random();
        var first = MachineId.random();
        claim(first, team, "cache-1");
        maintainer.on(new MachineRemoved(first, team, MachineName.of("cache-1")));
        assertThat(lookups.find(first)).isEmpty();
        assertThat(claim(MachineId.random(), team, "cache-1")).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void aMachineRecordCarriesItsDriverSettingsAndLaterItsDaemonUrl() {
        var id = MachineId.random();
        var team = TeamId.random();
        claim(id, team, "ext-1");
        RECORDED_OPTIONS.put(id, OPTIONS);
        assertThat(lookups.find(id)).hasValue(
                new MachineRecord(id, team, MachineName.of("ext-1"), "none", OPTIONS, null));
        maintainer.on(new MachineProvisioned(id, "tcp://10.0.0.5:2376"));
        assertThat(lookups.find(id)).get().extracting(MachineRecord::dockerUrl).isEqualTo("tcp://10.0.0.5:2376");
    }

    @Test
    void replayingCreationEventsRebuildsClaimsAndLeavesExistingOnesAlone() {
        var id = MachineId.random();
        var team = TeamId.random();
        var created = new MachineCreated(id, team, MachineName.of("api-1"), "none", OPTIONS, UserId.random());
        maintainer.on(created);
        maintainer.on(created);
        assertThat(lookups.find(id)).isPresent();
        var user = UserId.random();
        maintainer.on(new UserRegistered(user, Username.of("u" + user.value().substring(0, 8)), "U", false));
        assertThat(lookups.userExists(user)).isTrue();
        var newTeam = TeamId.random();
        maintainer.on(new TeamCreated(newTeam, TeamName.of("t-" + newTeam.value().substring(0, 8)), user));
        assertThat(lookups.teamExists(newTeam)).isTrue();
    }

    @Test
    void usernamesAndTeamNamesAreUniqueOnThePlatform() {
        var bob = UserId.random();
        var name = Username.of("bob-" + bob.value().substring(0, 8));
        assertThat(lookups.claimUser(bob, name)).isEqualTo(Claim.CLAIMED);
        assertThat(lookups.claimUser(UserId.random(), name)).isEqualTo(Claim.NAME_TAKEN);
        assertThat(lookups.claimUser(bob, Username.of("other-" + bob.value().substring(0, 8))))
                .isEqualTo(Claim.ID_TAKEN);
        assertThat(lookups.userExists(bob)).isTrue();
        assertThat(lookups.userExists(UserId.random())).isFalse();

        var team = TeamId.random();
        var teamName = "Platform-" + team.value().substring(0, 8);
        assertThat(lookups.claimTeam(team, TeamName.of(teamName))).isEqualTo(Claim.CLAIMED);
        assertThat(lookups.claimTeam(TeamId.random(), TeamName.of(teamName.toLowerCase()))).isEqualTo(Claim.NAME_TAKEN);
        assertThat(lookups.teamExists(team)).isTrue();
        assertThat(lookups.teamExists(TeamId.random())).isFalse();
    }

    @Test
    void membershipFollowsTheTeamEvents() {
        var team = TeamId.random();
        var bob = UserId.random();
        assertThat(lookups.roleOf(team, bob)).isEmpty();
        maintainer.on(new MemberAdded(team, bob, TeamRole.VIEWER));
        assertThat(lookups.roleOf(team, bob)).hasValue(TeamRole.VIEWER);
        maintainer.on(new MemberRoleChanged(team, bob, TeamRole.VIEWER, TeamRole.OWNER));
        assertThat(lookups.roleOf(team, bob)).hasValue(TeamRole.OWNER);
        maintainer.on(new MemberRemoved(team, bob));
        assertThat(lookups.roleOf(team, bob)).isEmpty();
    }

    @Test
    void aClaimInATransactionThatRollsBackLeavesTheNameFree() {
        var team = TeamId.random();
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            assertThat(claim(MachineId.random(), team, "web-9")).isEqualTo(Claim.CLAIMED);
            throw new IllegalStateException("the event append failed");
        })).hasMessage("the event append failed");
        assertThat(claim(MachineId.random(), team, "web-9")).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void aConcurrentClaimOfTheSameNameWaitsForTheFirstAndThenSeesItTaken() throws Exception {
        var team = TeamId.random();
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        var claimed = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            var result = claim(MachineId.random(), team, "race-1");
            claimed.countDown();
            await(commit);
            return result;
        }));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
        var second = CompletableFuture.supplyAsync(() -> transactions.execute(status ->
                claim(MachineId.random(), team, "race-1")));
        Thread.sleep(300);
        assertThat(second).as("the second claim waits on the unique index").isNotDone();
        commit.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(Claim.CLAIMED);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(Claim.NAME_TAKEN);
    }

    @Test
    void anImportedMachine_isFoundByItsDaemon_andAConcurrentImportOfItWaitsAndThenFindsIt() throws Exception {
        var team = TeamId.random();
        var url = "tcp://10.213.0.61:2376";
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        var asked = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            var found = lookups.atDockerUrl(url);
            asked.countDown();
            await(commit);
            maintainer.on(new io.harbormaster.api.machine.MachineImported(MachineId.random(), team,
                    MachineName.of("imported-1"), "none", OPTIONS, UserId.random(), null, null, url, null, null));
            return found;
        }));
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
        var second = CompletableFuture.supplyAsync(() -> transactions.execute(status ->
                lookups.atDockerUrl(url.toUpperCase(java.util.Locale.ROOT))));
        Thread.sleep(300);
        assertThat(second).as("the second import waits for the first").isNotDone();
        commit.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEmpty();
        var found = second.get(10, TimeUnit.SECONDS).orElseThrow();
        assertThat(found.name()).isEqualTo(MachineName.of("imported-1"));
        assertThat(found.teamId()).isEqualTo(team);
        assertThat(lookups.nameTaken(team, MachineName.of("IMPORTED-1"))).isTrue();
        assertThat(lookups.nameTaken(TeamId.random(), MachineName.of("imported-1"))).isFalse();
    }

    private static Claim claim(MachineId id, TeamId team, String name) {
        return lookups.claimMachine(id, team, MachineName.of(name), "none");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void accessLookups_knowPlatformAdminsAndEachUsersTeams() {
        var adminUser = UserId.random();
        var plain = UserId.random();
        maintainer.on(new UserRegistered(adminUser, Username.of("a" + adminUser.value().substring(0, 8)), "A", true));
        maintainer.on(new UserRegistered(plain, Username.of("p" + plain.value().substring(0, 8)), "P", false));
        var team = TeamId.random();
        maintainer.on(new io.harbormaster.api.team.MemberAdded(team, plain, io.harbormaster.api.team.TeamRole.VIEWER));

        org.junit.jupiter.api.Assertions.assertTrue(lookups.isPlatformAdmin(adminUser));
        org.junit.jupiter.api.Assertions.assertFalse(lookups.isPlatformAdmin(plain));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(team), lookups.teamsOf(plain));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(), lookups.teamsOf(adminUser));
    }

    @Test
    void theMachinesUsingACredentialAreTheTeamsMachinesThatAreNotRemovedWhoseOptionNamesIt() {
        var team = TeamId.random();
        var credential = io.harbormaster.api.credential.CloudCredentialName.of("aws-prod");
        var named = new DriverOptions(Map.of("url", "tcp://10.0.0.5:2376", "amazonec2-credential", "aws-prod"));
        var other = new DriverOptions(Map.of("url", "tcp://10.0.0.5:2376", "amazonec2-credential", "aws-dev"));
        var web = machine(team, "web-1", named);
        machine(team, "db-1", other);
        machine(TeamId.random(), "elsewhere", named);
        var gone = machine(team, "old-1", named);
        maintainer.on(new MachineRemoved(gone, team, MachineName.of("old-1")));

        assertThat(lookups.machinesUsing(team, credential)).containsExactly("web-1");
        maintainer.on(new MachineRemoved(web, team, MachineName.of("web-1")));
        assertThat(lookups.machinesUsing(team, credential)).isEmpty();
    }

    private static MachineId machine(TeamId team, String name, DriverOptions options) {
        var id = MachineId.random();
        RECORDED_OPTIONS.put(id, options);
        maintainer.on(new MachineCreated(id, team, MachineName.of(name), "none", options, UserId.random()));
        return id;
    }
}
