package io.harbormaster.standalone.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server with real PostgreSQL processes: only the generated password opens it, it is durable, and a
 * data directory an older version left (trust for everyone, fsync off) is secured in place with its data kept.
 */
class EmbeddedPostgresServerTest {

    @Test
    void onlyTheGeneratedPasswordOpensADurableLoopbackServer(@TempDir Path home) throws Exception {
        String password;
        try (var server = EmbeddedPostgresServer.open(home, 0)) {
            server.start();
            password = server.password();
            var passwordFile = home.resolve("postgres/" + ServerFiles.PASSWORD_FILE);
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(password).hasSize(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertRefusedWithout(server, password);
            try (var connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", password);
                 var statement = connection.createStatement()) {
                assertThat(setting(statement, "fsync")).isEqualTo("on");
                assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
                assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(statement, "listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(setting(statement, "unix_socket_directories")).isEmpty();
                statement.execute("CREATE TABLE kept (v text)");
                statement.execute("INSERT INTO kept VALUES ('durable')");
            }
            assertThat(Files.readString(home.resolve("postgres/pg_hba.conf"))).doesNotContain("trust")
                    .contains("127.0.0.1/32 scram-sha-256");
        }
        try (var again = EmbeddedPostgresServer.open(home, 0)) {
            again.start();
            assertThat(again.password()).as("the password is kept, not replaced").isEqualTo(password);
            assertThat(read(again, password)).isEqualTo("durable");
        }
    }

    @Test
    void aDataDirectoryFromAnOlderVersionIsSecuredInPlaceAndKeepsItsData(@TempDir Path home) throws Exception {
        // exactly what the older version did: zonky's defaults, trust for every local connection
        try (var old = EmbeddedPostgres.builder().setDataDirectory(home.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             var connection = old.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (v text)");
            statement.execute("INSERT INTO kept VALUES ('durable')");
        }
        assertThat(Files.readString(home.resolve("postgres/pg_hba.conf"))).contains("trust");

        try (var server = EmbeddedPostgresServer.open(home, 0)) {
            server.start();
            assertRefusedWithout(server, server.password());
            assertThat(read(server, server.password())).isEqualTo("durable");
            assertThat(Files.readString(home.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
        }
    }

    @Test
    void aSecondPlatformOnTheSameHomeIsRefused(@TempDir Path home) throws Exception {
        try (var first = EmbeddedPostgresServer.open(home, 0)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.open(home, 0))
                    .hasMessageContaining("Another Harbormaster is running with its data in " + home);
        }
    }

    private static void assertRefusedWithout(EmbeddedPostgresServer server, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", null).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres",
                password + "x").close()).isInstanceOf(SQLException.class);
    }

    private static String read(EmbeddedPostgresServer server, String password) throws SQLException {
        try (var connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", password);
             var rows = connection.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static String setting(java.sql.Statement statement, String name) throws SQLException {
        try (var rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
