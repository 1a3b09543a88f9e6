package io.harbormaster.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL for tests. With {@code HM_TEST_POSTGRES_URL} set (CI sets it to the Debian server that
 * {@code .ci/run} starts), every call makes a fresh database on that server; without it, one embedded PostgreSQL is
 * started per JVM, so a developer without a local server still runs the same tests on the same engine.
 */
public final class TestPostgres {

    private static final String URL_VARIABLE = "HM_TEST_POSTGRES_URL";
    private static final String USER_VARIABLE = "HM_TEST_POSTGRES_USER";
    private static final String PASSWORD_VARIABLE = "HM_TEST_POSTGRES_PASSWORD";

    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    /** A database that no other test uses, created on demand. */
    public static synchronized Database freshDatabase() {
        var name = "hm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        var server = server();
        try (Connection admin = DriverManager.getConnection(server.url() + "postgres", server.user(), server.password());
             var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database on " + server.url()
                    + " (is PostgreSQL running and " + URL_VARIABLE + " right?): " + e.getMessage(), e);
        }
        return new Database(server.url() + name, server.user(), server.password(), server.kind());
    }

    /** Describes the server in use, for test reports. */
    public static String serverKind() {
        return server().kind();
    }

    private static Server server() {
        var url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            var base = url.endsWith("/") ? url : url + "/";
            return new Server(base, env(USER_VARIABLE, "postgres"), env(PASSWORD_VARIABLE, "postgres"),
                    "external PostgreSQL at " + base);
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }
        return new Server("jdbc:postgresql://localhost:" + embedded.getPort() + "/", "postgres", "postgres",
                "embedded PostgreSQL on port " + embedded.getPort());
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private record Server(String url, String user, String password, String kind) {
    }

    /** Connection settings of one test database. */
    public record Database(String url, String user, String password, String serverKind) {

        /** A plain data source on this database, for tests of JDBC code without Spring. */
        public javax.sql.DataSource dataSource() {
            var source = new org.postgresql.ds.PGSimpleDataSource();
            source.setURL(url);
            source.setUser(user);
            source.setPassword(password);
            return source;
        }
    }
}
