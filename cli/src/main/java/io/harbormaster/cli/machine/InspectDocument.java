package io.harbormaster.cli.machine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A machine as docker-machine's {@code inspect} shows a host ({@code libmachine/host.Host}, ConfigVersion 3), keys
 * in the order of its Go structs, so scripts written for docker-machine's JSON or {@code -f} templates keep working,
 * followed by a {@code Harbormaster} object with what only the server knows (team, holder, state, shares…).
 *
 * <p>Never a secret, and no paths: the SSH key and the TLS material stay on the server (a docker-machine host
 * records absolute paths to files in its store; hm has no such store, and the client certificate hm caches belongs
 * to the workstation, not the machine), so every path is an empty string. {@code SSHKey} is empty too: in
 * docker-machine it is the path of the key the user gave, here the key went to the server's secret store.
 * Values hm cannot know (swarm settings it never makes, memory and disk of drivers it does not have) are what
 * {@code docker-machine create} records without the matching flags.
 */
final class InspectDocument {

    static final int CONFIG_VERSION = 3;

    private InspectDocument() {
    }

    static Map<String, Object> of(MachineView machine) {
        var host = new LinkedHashMap<String, Object>();
        host.put("ConfigVersion", CONFIG_VERSION);
        host.put("Driver", driver(machine));
        host.put("DriverName", nullToEmpty(machine.driver()));
        var options = new LinkedHashMap<String, Object>();
        options.put("Driver", "");
        options.put("Memory", 0);
        options.put("Disk", 0);
        options.put("EngineOptions", engineOptions(machine.engineOptions()));
        options.put("SwarmOptions", swarmOptions());
        options.put("AuthOptions", authOptions(machine.engineOptions()));
        host.put("HostOptions", options);
        host.put("Name", machine.name());
        host.put("Harbormaster", harbormaster(machine));
        return host;
    }

    private static Map<String, Object> driver(MachineView machine) {
        var options = machine.driverOptions();
        var driver = new LinkedHashMap<String, Object>();
        boolean generic = "generic".equals(machine.driver());
        driver.put("IPAddress", IpCommand.address(machine).orElse(""));
        driver.put("MachineName", machine.name());
        driver.put("SSHUser", generic ? text(options.get("ssh-user"), "root") : "");
        driver.put("SSHPort", generic ? port(options.get("ssh-port"), 22) : 0);
        driver.put("SSHKeyPath", "");
        driver.put("StorePath", "");
        driver.put("SwarmMaster", false);
        driver.put("SwarmHost", "");
        driver.put("SwarmDiscovery", "");
        switch (nullToEmpty(machine.driver())) {
            case "generic" -> {
                driver.put("EnginePort", port(options.get("engine-port"), 2376));
                driver.put("SSHKey", "");
            }
            case "none" -> driver.put("URL", text(options.get("url"), nullToEmpty(machine.dockerUrl())));
            default -> options.forEach((key, value) -> {
                // a driver hm has no struct for: its options as the server reports them, never secrets
                if (!driver.containsKey(key)) {
                    driver.put(key, value);
                }
            });
        }
        return driver;
    }

    private static Map<String, Object> engineOptions(EngineOptions engine) {
        var options = new LinkedHashMap<String, Object>();
        options.put("ArbitraryFlags", engine == null ? List.of() : engine.flags());
        options.put("Dns", null);
        options.put("GraphDir", "");
        options.put("Env", List.of());
        options.put("Ipv6", false);
        options.put("InsecureRegistry", List.of());
        options.put("Labels", engine == null ? List.of() : engine.labels());
        options.put("LogLevel", "");
        options.put("StorageDriver", "");
        options.put("SelinuxEnabled", false);
        // every machine hm makes talks TLS
        options.put("TlsVerify", true);
        options.put("RegistryMirror", List.of());
        options.put("InstallURL", engine == null || engine.installUrl() == null ? "" : engine.installUrl());
        return options;
    }

    private static Map<String, Object> swarmOptions() {
        var options = new LinkedHashMap<String, Object>();
        options.put("IsSwarm", false);
        options.put("Address", "");
        options.put("Discovery", "");
        options.put("Agent", false);
        options.put("Master", false);
        options.put("Host", "tcp://0.0.0.0:3376");
        options.put("Image", "swarm:latest");
        options.put("Strategy", "spread");
        options.put("Heartbeat", 0);
        options.put("Overcommit", 0);
        options.put("ArbitraryFlags", List.of());
        options.put("ArbitraryJoinFlags", List.of());
        options.put("Env", null);
        options.put("IsExperimental", false);
        return options;
    }

    private static Map<String, Object> authOptions(EngineOptions engine) {
        var options = new LinkedHashMap<String, Object>();
        for (var key : List.of("CertDir", "CaCertPath", "CaPrivateKeyPath", "CaCertRemotePath", "ServerCertPath",
                "ServerKeyPath", "ClientKeyPath", "ServerCertRemotePath", "ServerKeyRemotePath", "ClientCertPath")) {
            options.put(key, "");
        }
        options.put("ServerCertSANs", engine == null ? List.of() : engine.tlsSans());
        options.put("StorePath", "");
        return options;
    }

    private static Map<String, Object> harbormaster(MachineView machine) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("Id", machine.id());
        fields.put("Team", machine.teamName());
        fields.put("TeamId", machine.teamId());
        fields.put("Holder", machine.holderName());
        fields.put("HolderId", machine.holder());
        fields.put("State", machine.state());
        fields.put("DockerUrl", machine.dockerUrl());
        fields.put("DockerVersion", machine.dockerVersion());
        fields.put("LastError", machine.lastError());
        var shares = new ArrayList<Map<String, Object>>();
        for (var share : machine.shares()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("Kind", share.grantee() == null ? null : share.grantee().kind());
            entry.put("Id", share.grantee() == null ? null : share.grantee().id());
            entry.put("Name", share.granteeName());
            entry.put("Role", share.role());
            shares.add(entry);
        }
        fields.put("Shares", shares);
        fields.put("CreatedAt", machine.createdAt() == null ? null : machine.createdAt().toString());
        fields.put("UpdatedAt", machine.updatedAt() == null ? null : machine.updatedAt().toString());
        return fields;
    }

    private static String text(Object value, String fallback) {
        return value instanceof String text && !text.isBlank() ? text.strip() : fallback;
    }

    private static int port(Object value, int fallback) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return value instanceof String text && !text.isBlank() ? Integer.parseInt(text.strip()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
