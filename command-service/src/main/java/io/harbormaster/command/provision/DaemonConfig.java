package io.harbormaster.command.provision;

import io.harbormaster.api.machine.EngineFlag;
import io.harbormaster.api.machine.EngineOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Harbormaster's settings for dockerd, merged into the host's existing {@code /etc/docker/daemon.json} rather than
 * replacing it: a host may carry settings of its own (test hosts turn off iptables and the bridge, a team may set a
 * registry mirror), and those stay. Keys Harbormaster owns are overwritten; {@code labels} are merged by name.
 *
 * <p>A machine's engine flags ({@code --engine-opt}) are written here too, each under its {@code daemon.json} key
 * ({@link EngineFlag}): a key a flag sets replaces the host's own value for it (repeated flags such as
 * {@code registry-mirror} make the whole array), so provisioning again writes the same file. Its labels are merged
 * after the platform's configured labels.
 */
final class DaemonConfig {

    static final String CERT_DIR = "/etc/docker/harbormaster";
    static final String CA = CERT_DIR + "/ca.pem";
    static final String CERT = CERT_DIR + "/server.pem";
    static final String KEY = CERT_DIR + "/server-key.pem";
    static final String UNIX_SOCKET = "unix:///var/run/docker.sock";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DaemonConfig() {
    }

    /** The merged configuration without engine options, pretty-printed. */
    static String merge(String existing, int enginePort, String machineName, Map<String, String> labels,
                        String storageDriver) {
        return merge(existing, enginePort, machineName, labels, storageDriver, EngineOptions.none());
    }

    /**
     * The merged configuration, pretty-printed.
     *
     * @param existing the current file's text, or null/blank when there is none
     * @param labels the platform's configured labels
     * @param storageDriver a storage driver to set, or null to leave the daemon's choice (a machine's
     *        {@code storage-driver} flag wins)
     * @param engine the machine's engine options: its flags and labels
     */
    static String merge(String existing, int enginePort, String machineName, Map<String, String> labels,
                        String storageDriver, EngineOptions engine) {
        ObjectNode config;
        try {
            config = existing == null || existing.isBlank() ? JSON.createObjectNode()
                    : (ObjectNode) JSON.readTree(existing);
        } catch (JacksonException | ClassCastException e) {
            throw new ProvisioningException("configure-daemon", "The host's /etc/docker/daemon.json is not a JSON "
                    + "object, so Harbormaster cannot add its settings to it. Fix or remove the file, then provision "
                    + "the machine again.");
        }
        config.put("tlsverify", true);
        config.put("tlscacert", CA);
        config.put("tlscert", CERT);
        config.put("tlskey", KEY);
        var hosts = config.putArray("hosts");
        hosts.add(UNIX_SOCKET);
        hosts.add("tcp://0.0.0.0:" + enginePort);
        // containers keep running while dockerd restarts for new certificates
        config.put("live-restore", true);
        var merged = new LinkedHashMap<String, String>();
        if (config.get("labels") != null && config.get("labels").isArray()) {
            for (var label : config.get("labels")) {
                var text = label.asString();
                var eq = text.indexOf('=');
                merged.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            }
        }
        merged.put("provider", "harbormaster");
        merged.put("harbormaster.machine", machineName);
        merged.putAll(labels);
        for (var label : engine.labels()) {
            var eq = label.indexOf('=');
            merged.put(label.substring(0, eq), label.substring(eq + 1));
        }
        var list = new ArrayList<String>();
        merged.forEach((k, v) -> list.add(v.isEmpty() ? k : k + "=" + v));
        var labelArray = config.putArray("labels");
        list.forEach(labelArray::add);
        if (storageDriver != null && !storageDriver.isBlank()) {
            config.put("storage-driver", storageDriver.strip());
        }
        applyFlags(config, engine.settings());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n";
    }

    /** Each flag under its key; repeatable ones collected, in the order given, into the key's array or object. */
    private static void applyFlags(ObjectNode config, List<EngineFlag.Setting> settings) {
        var replaced = new HashSet<String>();
        for (var setting : settings) {
            var key = setting.option().key();
            var value = setting.value();
            var first = replaced.add(key);
            switch (setting.option().kind()) {
                case STRING -> config.put(key, value);
                case BOOLEAN -> config.put(key, Boolean.parseBoolean(value));
                case INTEGER -> config.put(key, Integer.parseInt(value));
                case LIST -> (first ? config.putArray(key) : (ArrayNode) config.get(key)).add(value);
                case MAP -> {
                    var eq = value.indexOf('=');
                    (first ? config.putObject(key) : (ObjectNode) config.get(key))
                            .put(value.substring(0, eq), value.substring(eq + 1));
                }
                case ULIMIT -> {
                    var name = value.substring(0, value.indexOf('='));
                    var limits = EngineFlag.ulimit(value);
                    var ulimit = (first ? config.putObject(key) : (ObjectNode) config.get(key)).putObject(name);
                    ulimit.put("Name", name);
                    ulimit.put("Hard", limits[1]);
                    ulimit.put("Soft", limits[0]);
                }
            }
        }
    }

    /**
     * Whether {@code existing} (daemon.json's text, null for none) has dockerd read Harbormaster's certificates: true
     * on hosts provisioned here, false on a host configured elsewhere, such as one docker-machine provisioned.
     */
    static boolean usesHarbormasterCertificates(String existing) {
        if (existing == null || existing.isBlank()) {
            return false;
        }
        try {
            var config = JSON.readTree(existing);
            return config.isObject() && CA.equals(config.path("tlscacert").asString(""));
        } catch (JacksonException e) {
            return false;
        }
    }

    static List<String> ownedKeys() {
        return List.of("tlsverify", "tlscacert", "tlscert", "tlskey", "hosts", "live-restore", "labels");
    }
}
