package io.harbormaster.workstation.dockermachine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A machine's {@code config.json} as docker-machine writes it ({@code libmachine/host}): {@code ConfigVersion},
 * {@code DriverName}, the {@code Driver} object, {@code HostOptions.EngineOptions} and {@code HostOptions.AuthOptions}
 * with the absolute paths of the certificates. Versions 1 to 3 are read (0.5 onwards; 0.16 writes 3): version 1 named
 * the CA key {@code PrivateKeyPath} and kept the store path only in {@code AuthOptions.StorePath}. Version 0 predates
 * the layout and a version above 3 comes from a newer docker-machine: both are refused with what to do.
 *
 * @param settings  the driver's scalar settings as text (objects and arrays as null: they are never recorded)
 * @param storeRoot where the store was when the file was written, or null when the file does not say
 */
record MachineConfig(int version, String driverName, Map<String, String> settings, String sshKeyPath,
                     DockerMachineEngine engine, String caCertPath, String caKeyPath, String serverCertPath,
                     String serverKeyPath, String clientCertPath, String clientKeyPath, String storeRoot) {

    static final int NEWEST_VERSION = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static MachineConfig parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            var location = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            // Jackson's message quotes the text, which may hold a driver's credentials: only the place is named
            throw new UnreadableMachineException("config.json is not valid JSON" + location);
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableMachineException("config.json is not a JSON object");
        }
        var version = root.path("ConfigVersion").asInt(0);
        if (version > NEWEST_VERSION) {
            throw new UnreadableMachineException("config.json has ConfigVersion " + version + ", newer than "
                    + "docker-machine 0.16's " + NEWEST_VERSION + "; hm import reads what 0.16 writes");
        }
        if (version < 1) {
            throw new UnreadableMachineException("config.json has ConfigVersion " + version + " (docker-machine "
                    + "before 0.5); run docker-machine ls once with docker-machine 0.16, which migrates it, then "
                    + "import again");
        }
        var driver = root.path("Driver");
        var host = root.path("HostOptions");
        var auth = host.path("AuthOptions");
        var settings = new LinkedHashMap<String, String>();
        for (var entry : driver.properties()) {
            var value = entry.getValue();
            settings.put(entry.getKey(), value.isValueNode() && !value.isNull() ? value.asString() : null);
        }
        var caKey = text(auth, "CaPrivateKeyPath");
        var storeRoot = text(driver, "StorePath");
        if (storeRoot == null) {
            storeRoot = parentOf(parentOf(text(auth, "StorePath")));
        }
        if (storeRoot == null) {
            storeRoot = parentOf(text(auth, "CertDir"));
        }
        return new MachineConfig(version, text(root, "DriverName"), settings, text(driver, "SSHKeyPath"),
                engine(host.path("EngineOptions"), auth.path("ServerCertSANs")), text(auth, "CaCertPath"),
                caKey != null ? caKey : text(auth, "PrivateKeyPath"), text(auth, "ServerCertPath"),
                text(auth, "ServerKeyPath"), text(auth, "ClientCertPath"), text(auth, "ClientKeyPath"), storeRoot);
    }

    private static DockerMachineEngine engine(JsonNode engine, JsonNode sans) {
        var envNames = new ArrayList<String>();
        for (var entry : list(engine.path("Env"))) {
            var eq = entry.indexOf('=');
            envNames.add(eq < 0 ? entry : entry.substring(0, eq));
        }
        return new DockerMachineEngine(list(engine.path("ArbitraryFlags")), list(engine.path("Dns")),
                text(engine, "GraphDir"), envNames, engine.path("Ipv6").asBoolean(false),
                list(engine.path("InsecureRegistry")), list(engine.path("Labels")), text(engine, "LogLevel"),
                text(engine, "StorageDriver"), engine.path("SelinuxEnabled").asBoolean(false),
                list(engine.path("RegistryMirror")), text(engine, "InstallURL"), list(sans));
    }

    private static List<String> list(JsonNode node) {
        var values = new ArrayList<String>();
        if (node.isArray()) {
            for (var element : node.values()) {
                if (element.isString()) {
                    values.add(element.stringValue());
                }
            }
        }
        return values;
    }

    private static String text(JsonNode node, String name) {
        var value = node.path(name);
        return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }

    private static String parentOf(String path) {
        if (path == null) {
            return null;
        }
        var trimmed = path.replaceAll("[/\\\\]+$", "");
        var cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return cut <= 0 ? null : trimmed.substring(0, cut);
    }
}
