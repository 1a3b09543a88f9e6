package io.harbormaster.command.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DaemonConfigTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void onAHostWithoutAConfiguration_theSettingsAreTlsTheTwoHostsLiveRestoreAndLabels() {
        var config = JSON.readTree(DaemonConfig.merge(null, 2376, "web-1", Map.of(), null));

        assertThat(config.path("tlsverify").asBoolean()).isTrue();
        assertThat(config.path("tlscacert").asString()).isEqualTo("/etc/docker/harbormaster/ca.pem");
        assertThat(config.path("tlscert").asString()).isEqualTo("/etc/docker/harbormaster/server.pem");
        assertThat(config.path("tlskey").asString()).isEqualTo("/etc/docker/harbormaster/server-key.pem");
        assertThat(config.path("hosts").toString()).isEqualTo("[\"unix:///var/run/docker.sock\",\"tcp://0.0.0.0:2376\"]");
        assertThat(config.path("live-restore").asBoolean()).isTrue();
        assertThat(config.path("labels").toString()).isEqualTo("[\"provider=harbormaster\",\"harbormaster.machine=web-1\"]");
        assertThat(config.has("storage-driver")).isFalse();
    }

    @Test
    void theHostsOwnSettingsStay_andOursReplaceOnlyTheKeysWeOwn() {
        var existing = """
                {"iptables": false, "ip-forward": false, "bridge": "none", "hosts": ["fd://"],
                 "labels": ["env=test", "provider=someone-else"], "registry-mirrors": ["https://mirror.example"]}""";

        var config = JSON.readTree(DaemonConfig.merge(existing, 2400, "web-2", Map.of("team", "ops"), "overlay2"));

        assertThat(config.path("iptables").asBoolean(true)).isFalse();
        assertThat(config.path("ip-forward").asBoolean(true)).isFalse();
        assertThat(config.path("bridge").asString()).isEqualTo("none");
        assertThat(config.path("registry-mirrors").get(0).asString()).isEqualTo("https://mirror.example");
        assertThat(config.path("hosts").toString()).isEqualTo("[\"unix:///var/run/docker.sock\",\"tcp://0.0.0.0:2400\"]");
        assertThat(config.path("labels").toString())
                .isEqualTo("[\"env=test\",\"provider=harbormaster\",\"harbormaster.machine=web-2\",\"team=ops\"]");
        assertThat(config.path("storage-driver").asString()).isEqualTo("overlay2");
    }

    @Test
    void mergingTwice_givesTheSameFile() {
        var once = DaemonConfig.merge("{\"bridge\":\"none\"}", 2376, "web-1", Map.of(), null);
        assertThat(DaemonConfig.merge(once, 2376, "web-1", Map.of(), null)).isEqualTo(once);
    }

    @Test
    void aFileThatIsNotAJsonObject_isRefusedWithWhatToDo() {
        assertThatThrownBy(() -> DaemonConfig.merge("[1,2]", 2376, "web-1", Map.of(), null))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("not a JSON object").hasMessageContaining("provision the machine again");
        assertThatThrownBy(() -> DaemonConfig.merge("{broken", 2376, "web-1", Map.of(), null))
                .isInstanceOf(ProvisioningException.class);
    }

    @Test
    void osReleaseIsReadLikeTheShellReadsIt() {
        var os = OsRelease.parse("""
                PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                NAME="Debian GNU/Linux"
                VERSION_ID="12"
                ID=debian
                # a comment
                """);
        assertThat(os).isEqualTo(new OsRelease("debian", "12", "Debian GNU/Linux 12 (bookworm)"));
        assertThat(OsRelease.parse("ID='alpine'\n").prettyName()).isEqualTo("alpine");
    }
}
