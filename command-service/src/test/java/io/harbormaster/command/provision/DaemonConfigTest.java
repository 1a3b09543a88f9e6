package io.harbormaster.command.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.EngineFlag;
import io.harbormaster.api.machine.EngineOptions;
import java.util.List;
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
    void engineFlags_becomeTheirDaemonJsonKeys_typedAsDockerdReadsThem() {
        var engine = new EngineOptions(List.of("log-level=warn", "debug", "max-concurrent-downloads=6",
                "default-ulimit=nofile=1024:2048", "default-ulimit=nproc=512", "registry-mirror=https://m1.example",
                "registry-mirror=https://m2.example", "insecure-registry=10.0.0.0/8", "dns=1.1.1.1",
                "log-opt=max-size=10m", "log-opt=max-file=3", "graph=/srv/docker", "ipv6=false"),
                List.of(), null, List.of());

        var config = JSON.readTree(DaemonConfig.merge(null, 2376, "web-1", Map.of(), null, engine));

        assertThat(config.path("log-level").asString()).isEqualTo("warn");
        assertThat(config.path("debug").isBoolean()).isTrue();
        assertThat(config.path("debug").asBoolean()).isTrue();
        assertThat(config.path("ipv6").isBoolean()).isTrue();
        assertThat(config.path("max-concurrent-downloads").isInt()).isTrue();
        assertThat(config.path("max-concurrent-downloads").asInt()).isEqualTo(6);
        assertThat(config.path("default-ulimits").toString()).isEqualTo("{\"nofile\":{\"Name\":\"nofile\","
                + "\"Hard\":2048,\"Soft\":1024},\"nproc\":{\"Name\":\"nproc\",\"Hard\":512,\"Soft\":512}}");
        assertThat(config.path("registry-mirrors").toString()).isEqualTo("[\"https://m1.example\",\"https://m2.example\"]");
        assertThat(config.path("insecure-registries").toString()).isEqualTo("[\"10.0.0.0/8\"]");
        assertThat(config.path("dns").toString()).isEqualTo("[\"1.1.1.1\"]");
        assertThat(config.path("log-opts").toString()).isEqualTo("{\"max-size\":\"10m\",\"max-file\":\"3\"}");
        assertThat(config.path("data-root").asString()).isEqualTo("/srv/docker");
        assertThat(config.has("graph")).isFalse();
        // Harbormaster's own settings are untouched by flags
        assertThat(config.path("tlsverify").asBoolean()).isTrue();
        assertThat(config.path("live-restore").asBoolean()).isTrue();
    }

    @Test
    void aFlagReplacesTheHostsOwnValueForItsKey_otherHostSettingsStay_andMergingAgainGivesTheSameFile() {
        var existing = """
                {"iptables": false, "registry-mirrors": ["https://host-own.example"], "log-level": "info",
                 "storage-driver": "vfs", "labels": ["env=test"]}""";
        var engine = new EngineOptions(List.of("registry-mirror=https://mirror.example", "log-level=warn",
                "storage-driver=overlay2"), List.of("team=blue", "env=prod"), null, List.of());

        var once = DaemonConfig.merge(existing, 2376, "web-1", Map.of("region", "eu"), "btrfs", engine);
        var config = JSON.readTree(once);

        assertThat(config.path("iptables").asBoolean(true)).isFalse();
        assertThat(config.path("registry-mirrors").toString()).isEqualTo("[\"https://mirror.example\"]");
        assertThat(config.path("log-level").asString()).isEqualTo("warn");
        // the machine's storage-driver flag wins over the platform's setting
        assertThat(config.path("storage-driver").asString()).isEqualTo("overlay2");
        // the machine's labels come after the platform's, and a host label of the same key takes the machine's value
        assertThat(config.path("labels").toString()).isEqualTo("[\"env=prod\",\"provider=harbormaster\","
                + "\"harbormaster.machine=web-1\",\"region=eu\",\"team=blue\"]");
        assertThat(DaemonConfig.merge(once, 2376, "web-1", Map.of("region", "eu"), "btrfs", engine)).isEqualTo(once);
    }

    @Test
    void everyKeyAnEngineFlagMayWrite_isOneDockerdKnows_andNeverOneHarbormasterOwns() {
        var daemonJsonKeys = java.util.Set.of("log-level", "log-driver", "storage-driver", "data-root", "exec-root",
                "pidfile", "bip", "fixed-cidr", "fixed-cidr-v6", "default-gateway", "default-gateway-v6", "ip",
                "bridge", "userns-remap", "cgroup-parent", "default-runtime", "seccomp-profile", "default-shm-size",
                "metrics-addr", "default-cgroupns-mode", "default-ipc-mode", "group", "debug", "experimental", "ipv6",
                "iptables", "ip-forward", "ip-masq", "icc", "userland-proxy", "selinux-enabled", "init",
                "no-new-privileges", "raw-logs", "max-concurrent-downloads", "max-concurrent-uploads",
                "max-download-attempts", "mtu", "shutdown-timeout", "oom-score-adjust", "dns", "dns-search",
                "dns-opts", "registry-mirrors", "insecure-registries", "storage-opts", "exec-opts",
                "authorization-plugins", "log-opts", "default-ulimits");
        for (var name : EngineFlag.names()) {
            var key = EngineFlag.find(name).orElseThrow().key();
            assertThat(daemonJsonKeys).as(name).contains(key);
            assertThat(DaemonConfig.ownedKeys()).as(name).doesNotContain(key);
        }
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

    @Test
    void onlyAConfigurationThatReadsHarbormastersCertificates_countsAsHarbormasters() {
        assertThat(DaemonConfig.usesHarbormasterCertificates(DaemonConfig.merge(null, 2376, "web-1", Map.of(), null)))
                .isTrue();
        // what docker-machine leaves: its TLS flags elsewhere, daemon.json the host's own (or none)
        assertThat(DaemonConfig.usesHarbormasterCertificates("{\"iptables\": false, \"bridge\": \"none\"}"))
                .isFalse();
        assertThat(DaemonConfig.usesHarbormasterCertificates(null)).isFalse();
        assertThat(DaemonConfig.usesHarbormasterCertificates("{broken")).isFalse();
    }
}
