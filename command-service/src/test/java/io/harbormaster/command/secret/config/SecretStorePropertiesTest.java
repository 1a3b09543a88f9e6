package io.harbormaster.command.secret.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The secret store properties never print a login secret. */
class SecretStorePropertiesTest {

    @Test
    void propertiesNeverPrintTheTokenOrTheSecretId() {
        var vault = new SecretStoreProperties.Vault(URI.create("http://v:8200"), "hvs.s3cr3t",
                new SecretStoreProperties.AppRole("role-1234", "secret-5678", null), null, null, null, null, null,
                null);
        var properties = new SecretStoreProperties(SecretStoreProperties.StoreKind.VAULT, null, vault);

        assertThat(properties.toString()).doesNotContain("hvs.s3cr3t").doesNotContain("secret-5678")
                .doesNotContain("role-1234").contains("http://v:8200");
    }
}
