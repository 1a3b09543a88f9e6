package io.harbormaster.query.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The machine list runs in several segments: a team's (or user's) events and its machines' events are applied by
 * different segments at the same time, each in a transaction of its own. Whichever commits first, the machine row
 * ends with the name: the second waits for the first's per-name lock and then sees its rows. Without the lock the
 * name's update would find no row (not committed yet) and the row would copy no name (not committed either).
 */
class MachineNamesAcrossSegmentsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Path SOURCE_MIGRATIONS = Path.of("..", "db", "src", "main", "resources", "db", "migration");

    private final TeamId team = TeamId.random();
    private final UserId alice = UserId.random();
    private SingleConnectionDataSource machineSegment;
    private SingleConnectionDataSource nameSegment;

    @BeforeEach
    void twoTransactionsOnOneDatabase() {
        var database = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations(Files.isDirectory(SOURCE_MIGRATIONS)
                        ? "filesystem:" + SOURCE_MIGRATIONS.toAbsolutePath().normalize() : "classpath:db/migration")
                .load().migrate();
        machineSegment = new SingleConnectionDataSource(database.url(), database.user(), database.password(), true);
        machineSegment.setAutoCommit(false);
        nameSegment = new SingleConnectionDataSource(database.url(), database.user(), database.password(), true);
        nameSegment.setAutoCommit(false);
    }

    @Test
    void aTeamNamedWhileItsMachineIsBeingInserted_reachesTheRow() throws Exception {
        var machine = MachineId.random();
        insertMachine(machine);   // not committed yet

        var naming = CompletableFuture.runAsync(() -> {
            var rows = new MachineRows(JdbcClient.create(nameSegment));
            rows.teamName(team, "ops");
            rows.userName(alice, "alice");
            commit(nameSegment);
        });
        Thread.sleep(500);
        commit(machineSegment);
        naming.get(10, TimeUnit.SECONDS);

        assertNames(machine);
    }

    @Test
    void aMachineInsertedWhileItsTeamIsBeingNamed_copiesTheName() throws Exception {
        var names = new MachineRows(JdbcClient.create(nameSegment));
        names.teamName(team, "ops");
        names.userName(alice, "alice");   // not committed yet

        var machine = MachineId.random();
        var inserting = CompletableFuture.runAsync(() -> {
            insertMachine(machine);
            commit(machineSegment);
        });
        Thread.sleep(500);
        commit(nameSegment);
        inserting.get(10, TimeUnit.SECONDS);

        assertNames(machine);
    }

    private void insertMachine(MachineId machine) {
        new MachineRows(JdbcClient.create(machineSegment)).insert(machine, team, "web-1", "none",
                DriverOptions.none(), alice, MachineState.Creating, 0, T0, EngineOptions.none());
    }

    private void assertNames(MachineId machine) {
        var row = JdbcClient.create(machineSegment)
                .sql("SELECT coalesce(team_name, '-') || ' ' || coalesce(holder_name, '-') FROM rm_machine "
                        + "WHERE id = ?::uuid")
                .param(machine.value()).query(String.class).single();
        assertThat(row).isEqualTo("ops alice");
    }

    private static void commit(SingleConnectionDataSource transaction) {
        try {
            transaction.getConnection().commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
