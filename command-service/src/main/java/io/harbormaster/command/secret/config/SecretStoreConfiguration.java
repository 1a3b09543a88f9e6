package io.harbormaster.command.secret.config;

import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.command.secret.WaitingSecretStore;
import io.harbormaster.command.secret.sealed.SealedDatabaseSecretStore;
import io.harbormaster.command.secret.vault.VaultSecretStore;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link SecretStore} of the write side, chosen by {@code harbormaster.secrets.store}: the sealed database
 * store by default (after Flyway, which makes its table), or Vault. Found by component scanning of
 * {@code io.harbormaster.command} like the rest of the command side's configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretStoreProperties.class)
class SecretStoreConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    SecretStore secretStore(SecretStoreProperties properties, ObjectProvider<DataSource> dataSource,
                            @Value("${harbormaster.home:${user.home}/.harbormaster}") Path home) {
        SecretStore store = switch (properties.store()) {
            case SEALED -> new SealedDatabaseSecretStore(dataSource.getObject(), keyFile(properties, home),
                    Clock.systemUTC(), properties.sealed().maxVersions());
            case VAULT -> new VaultSecretStore(properties.vault().settings());
        };
        return new WaitingSecretStore(store, Clock.systemUTC());
    }

    @Bean
    ApplicationRunner secretStoreStartupReport(SecretStore store) {
        return new SecretStoreStartupReport(store);
    }

    static Path keyFile(SecretStoreProperties properties, Path home) {
        var configured = properties.sealed().keyFile();
        return configured != null ? configured : home.resolve("secrets.key");
    }
}
