package io.harbormaster.command.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.driver.SshTarget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The small values of the SSH layer: targets, host keys, results and settings. */
class SshValuesTest {

    private static final String FINGERPRINT = "SHA256:" + "A".repeat(42) + "E";

    @Test
    void aTargetNamesItselfAsUserAtHostAndPortWithIpv6InBrackets() {
        assertThat(new SshTarget(" 10.213.0.5 ", 22, "root")).hasToString("root@10.213.0.5:22");
        assertThat(new SshTarget("fd00::5", 2222, "docker").address()).isEqualTo("[fd00::5]:2222");
    }

    @Test
    void aTargetWithoutHostOrUserOrWithABadPortIsRefused() {
        assertThatThrownBy(() -> new SshTarget(" ", 22, "root")).hasMessageContaining("needs a host");
        assertThatThrownBy(() -> new SshTarget("h", 0, "root")).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> new SshTarget("h", 65536, "root")).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> new SshTarget("h", 22, "")).hasMessageContaining("needs a user");
    }

    @Test
    void aHostKeyReadsBackFromItsTextAndRefusesAnythingButASha256Fingerprint() {
        var key = new HostKey("ssh-ed25519", FINGERPRINT);

        assertThat(HostKey.parse(key.toString())).isEqualTo(key);
        assertThat(key.hostKeyFile()).isEqualTo("/etc/ssh/ssh_host_ed25519_key.pub");
        assertThat(new HostKey("ecdsa-sha2-nistp256", FINGERPRINT).hostKeyFile())
                .isEqualTo("/etc/ssh/ssh_host_ecdsa_key.pub");
        assertThatThrownBy(() -> new HostKey("ssh-rsa", "MD5:aa:bb")).hasMessageContaining("SHA256:");
        assertThatThrownBy(() -> HostKey.parse(FINGERPRINT)).hasMessageContaining("<type> SHA256:");
    }

    @Test
    void messagesShowACommandsFirstLineCutAt80Characters() {
        assertThat(CommandResult.abbreviate("  id -u ")).isEqualTo("id -u");
        assertThat(CommandResult.abbreviate("set -e\nrm -rf /tmp/x")).isEqualTo("set -e…");
        assertThat(CommandResult.abbreviate("x".repeat(100))).isEqualTo("x".repeat(80) + "…");
    }

    @Test
    void settingsRefuseTimeoutsThatAreNotPositive() {
        assertThat(SshSettings.defaults().commandTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> new SshSettings(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1))
                .hasMessageContaining("connectTimeout must be positive");
        assertThatThrownBy(() -> new SshSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                0, 1)).hasMessageContaining("at least 1 byte");
    }

    @Test
    void durationsInMessagesReadNaturally() {
        assertThat(SshException.describe(Duration.ofMillis(500))).isEqualTo("500 ms");
        assertThat(SshException.describe(Duration.ofSeconds(4))).isEqualTo("4 s");
        assertThat(SshException.describe(Duration.ofMillis(2500))).isEqualTo("2.5 s");
    }
}
