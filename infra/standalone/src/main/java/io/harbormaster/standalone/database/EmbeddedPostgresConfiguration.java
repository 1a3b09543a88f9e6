package io.harbormaster.standalone.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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

    /** Spring stops the server after every bean that uses it (Axon still releases its processor claims on close). */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(@Value("${harbormaster.home}") Path home,
                                            @Value("${harbormaster.embedded-postgres.port:0}") int port)
            throws IOException {
        var early = EarlyEmbeddedPostgres.take(home, port);
        return early.isPresent() ? early.get() : startServer(home, port);
    }

    static EmbeddedPostgresServer startServer(Path home, int port) throws IOException {
        var server = EmbeddedPostgresServer.open(home, port);
        log.info("Starting embedded PostgreSQL with data in {}", server.dataDirectory());
        try {
            server.start();
            server.createDatabaseIfMissing(DATABASE);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    @Bean(destroyMethod = "close")
    PostgresWatchdog embeddedPostgresWatchdog(EmbeddedPostgresServer server,
            @Value("${harbormaster.embedded-postgres.watchdog-interval:1s}") Duration interval) {
        return new PostgresWatchdog(server, interval);
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer server) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(DATABASE));
        dataSource.setUsername(EmbeddedPostgresServer.SUPERUSER);
        dataSource.setPassword(server.password());
        dataSource.setPoolName("harbormaster-embedded");
        dataSource.setMaximumPoolSize(20);
        // Fail a request within seconds when the database is gone, rather than hold it for Hikari's 30 s default.
        dataSource.setConnectionTimeout(5_000);
        return dataSource;
    }
}
