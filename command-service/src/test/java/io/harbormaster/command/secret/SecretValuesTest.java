package io.harbormaster.command.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small values of the secret store port: what they print, what they refuse. */
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
    void versionsStartAtOne() {
        assertThatThrownBy(() -> new SecretVersion(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SecretVersion(7)).hasToString("v7");
    }
}
