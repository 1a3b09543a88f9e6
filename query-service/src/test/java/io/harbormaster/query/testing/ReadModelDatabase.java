package io.harbormaster.query.testing;

import io.harbormaster.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fresh PostgreSQL database migrated with every migration of the {@code db} module. The migrations are read from
 * the db module's source folder when it is there, so these tests always check the schema being worked on, not an
 * older installed jar; elsewhere they come from the classpath.
 */
public final class ReadModelDatabase {

    private static final Path SOURCE_MIGRATIONS = Path.of("..", "db", "src", "main", "resources", "db", "migration");

    private ReadModelDatabase() {
    }

    public static JdbcClient fresh() {
        return JdbcClient.create(freshDataSource());
    }

    /** A fresh database with every migration, as one connection (closed never; the database is thrown away). */
    public static SingleConnectionDataSource freshDataSource() {
        var database = TestPostgres.freshDatabase();
        Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations(location())
                .load()
                .migrate();
        return new SingleConnectionDataSource(database.url(), database.user(), database.password(), true);
    }

    /** Every row of the given tables, in a stable order, as one string: equal snapshots mean equal tables. */
    public static String snapshot(JdbcClient jdbc, List<String> tables) {
        var out = new StringBuilder();
        for (var table : tables) {
            out.append(table).append(": ")
                    .append(jdbc.sql("SELECT COALESCE(json_agg(t ORDER BY t::text)::text, '[]') FROM " + table + " t")
                            .query(String.class).single())
                    .append('\n');
        }
        return out.toString();
    }

    public static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static String location() {
        return Files.isDirectory(SOURCE_MIGRATIONS)
                ? "filesystem:" + SOURCE_MIGRATIONS.toAbsolutePath().normalize()
                : "classpath:db/migration";
    }
}
