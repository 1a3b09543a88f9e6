package io.harbormaster.command.provision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Harbormaster's settings for dockerd, merged into the host's existing {@code /etc/docker/daemon.json} rather than
 * replacing it: a host may carry settings of its own (test hosts turn off iptables and the bridge, a team may set a
 * registry mirror), and those stay. Keys Harbormaster owns are overwritten; {@code labels} are merged by name.
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

    /**
     * The merged configuration, pretty-printed.
     *
     * @param existing the current file's text, or null/blank when there is none
     * @param storageDriver a storage driver to set, or null to leave the daemon's choice
     */
    static String merge(String existing, int enginePort, String machineName, Map<String, String> labels,
                        String storageDriver) {
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
        var list = new ArrayList<String>();
        merged.forEach((k, v) -> list.add(v.isEmpty() ? k : k + "=" + v));
        var labelArray = config.putArray("labels");
        list.forEach(labelArray::add);
        if (storageDriver != null && !storageDriver.isBlank()) {
            config.put("storage-driver", storageDriver.strip());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n";
    }

    static List<String> ownedKeys() {
        return List.of("tlsverify", "tlscacert", "tlscert", "tlskey", "hosts", "live-restore", "labels");
    }
}
