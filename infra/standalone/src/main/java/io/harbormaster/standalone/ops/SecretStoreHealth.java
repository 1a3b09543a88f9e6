package io.harbormaster.standalone.ops;

import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.command.secret.StoreHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The secret store's own report ({@link SecretStore#health()}): without it no machine can be created, provisioned
 * or reached with its certificates. The description names the store (address, mount, key file), never a secret.
 */
final class SecretStoreHealth implements HealthIndicator {

    private final SecretStore store;

    SecretStoreHealth(SecretStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        StoreHealth report;
        try {
            report = store.health();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
        return (report.usable() ? Health.up() : Health.down())
                .withDetail("kind", report.kind())
                .withDetail("reachable", report.reachable())
                .withDetail("sealed", report.sealed())
                .withDetail("description", report.description())
                .build();
    }
}
