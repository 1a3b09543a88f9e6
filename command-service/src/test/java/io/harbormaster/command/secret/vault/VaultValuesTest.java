package io.harbormaster.command.secret.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The small values of the Vault adapter: what they print, what they refuse, how retries back off. */
class VaultValuesTest {

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
}
