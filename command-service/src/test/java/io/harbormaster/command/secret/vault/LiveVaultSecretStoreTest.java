package io.harbormaster.command.secret.vault;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * The Vault contract against a REAL Vault, when {@code VAULT_ADDR} and {@code VAULT_TOKEN} are set (e.g. a
 * {@code vault server -dev}); otherwise every test is reported as skipped. Uses the KV v2 mount {@code secret} (or
 * {@code HM_TEST_VAULT_MOUNT}), {@code VAULT_NAMESPACE} when set, and a fresh prefix {@code harbormaster-test/<uuid>}
 * per test class run; each test destroys what it wrote.
 */
class LiveVaultSecretStoreTest extends VaultContract {

    private static final String PREFIX = "harbormaster-test/" + UUID.randomUUID();

    @BeforeEach
    void requireALiveVault() {
        assumeTrue(present("VAULT_ADDR") && present("VAULT_TOKEN"),
                "VAULT_ADDR and VAULT_TOKEN not set: live Vault suite skipped");
    }

    @Override
    VaultSettings settings() {
        var mount = present("HM_TEST_VAULT_MOUNT") ? System.getenv("HM_TEST_VAULT_MOUNT") : "secret";
        var settings = new VaultSettings(URI.create(System.getenv("VAULT_ADDR")), new VaultAuth.Token(token()), mount,
                PREFIX, null, null, null, null);
        return present("VAULT_NAMESPACE") ? settings.withNamespace(System.getenv("VAULT_NAMESPACE")) : settings;
    }

    @Override
    String token() {
        return System.getenv("VAULT_TOKEN");
    }

    private static boolean present(String variable) {
        var value = System.getenv(variable);
        return value != null && !value.isBlank();
    }
}
