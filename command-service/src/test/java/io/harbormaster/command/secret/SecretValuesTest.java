package io.harbormaster.command.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small values of the secret store: what they print, what they refuse, how retries back off. */
class SecretValuesTest {

    @Test
    void aSecretPrintsItsKeysAndVersionButNoValue() {
        var secret = new Secret(Map.of("ca-key.pem", "-----BEGIN PRIVATE KEY-----"), new SecretVersion(3),
                Instant.parse("2026-01-02T03:04:05Z"));

        assertThat(secret.toString()).isEqualTo("Secret[v3, created 2026-01-02T03:04:05Z, keys [ca-key.pem]]");
        assertThatThrownBy(() -> secret.value("server-key.pem"))
                .hasMessageContaining("server-key.pem").hasMessageContaining("ca-key.pem")
                .message().doesNotContain("PRIVATE");
    }

    @Test
    void aSecretsDataCannotBeChangedAfterwards() {
        var data = new HashMap<>(Map.of("k", "v"));
        var secret = new Secret(data, new SecretVersion(1), Instant.EPOCH);
        data.put("k", "changed");

        assertThat(secret.value("k")).isEqualTo("v");
        assertThatThrownBy(() -> secret.data().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullValuesAndBlankKeysAreRefusedWithoutPrintingValues() {
        var withNull = new HashMap<String, String>();
        withNull.put("password", null);

        assertThatThrownBy(() -> SecretData.checked(withNull)).hasMessageContaining("password");
        assertThatThrownBy(() -> SecretData.checked(Map.of(" ", "hunter2"))).message().doesNotContain("hunter2");
    }

    @Test
    void encodedDataDecodesToTheSameData() {
        var data = Map.of("ca-key.pem", SecretStoreContract.CA_KEY, "empty", "");

        assertThat(SecretData.decode(SecretData.encode(data))).isEqualTo(data);
    }

    @Test
    void versionsStartAtOne() {
        assertThatThrownBy(() -> new SecretVersion(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SecretVersion(7)).hasToString("v7");
    }

    @Test
    void backOffDoublesUpToItsLimit() {
        var policy = new RetryPolicy(6, Duration.ofMillis(250), Duration.ofSeconds(1));

        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("max-attempts");
    }

    @Test
    void vaultSettingsFillInTheDefaultsAndNeverPrintTheToken() {
        var settings = VaultSettings.of(URI.create("https://vault.example:8200/"), new VaultAuth.Token("hvs.s3cr3t"));

        assertThat(settings.mount()).isEqualTo("secret");
        assertThat(settings.pathPrefix()).isEqualTo("harbormaster");
        assertThat(settings.baseAddress()).isEqualTo("https://vault.example:8200");
        assertThat(settings.retries()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(settings.toString()).doesNotContain("s3cr3t");
        assertThat(new VaultSettings(settings.address(), settings.auth(), "/kv/team/", "/hm/", " ", null, null, null))
                .satisfies(trimmed -> {
                    assertThat(trimmed.mount()).isEqualTo("kv/team");
                    assertThat(trimmed.pathPrefix()).isEqualTo("hm");
                    assertThat(trimmed.namespace()).isNull();
                });
    }

    @Test
    void vaultSettingsRefuseAddressesAndMountsThatCannotWork() {
        var token = new VaultAuth.Token("t");

        assertThatThrownBy(() -> VaultSettings.of(URI.create("vault.example:8200"), token))
                .hasMessageContaining("is not an http(s) URL");
        assertThatThrownBy(() -> new VaultSettings(URI.create("http://v:8200"), token, "secret/../sys", null, null,
                null, null, null)).hasMessageContaining("harbormaster.secrets.vault.mount");
        assertThatThrownBy(() -> new VaultAuth.AppRole(null, "role", " "))
                .hasMessageContaining("approle.secret-id");
    }

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
