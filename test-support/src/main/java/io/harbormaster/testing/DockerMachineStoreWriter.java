package io.harbormaster.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a docker-machine 0.16 store ({@code ~/.docker/machine}) the way docker-machine does, for tests of what reads
 * one: {@code certs/{ca,ca-key,cert,key}.pem} bootstrapped once per store ({@code libmachine/cert/bootstrap.go}), and
 * per machine {@code machines/<name>/config.json} (ConfigVersion 3, indented with four spaces, every path absolute)
 * with the copies {@code ca.pem}, {@code cert.pem}, {@code key.pem}, the server certificate and key
 * ({@code libmachine/provision/utils.go} {@code ConfigureAuth}) and the SSH key. A test may then move the store, damage
 * a file, or delete one.
 */
public final class DockerMachineStoreWriter {

    /** docker-machine's engine options ({@code --engine-opt}, {@code --engine-label}, …) as config.json has them. */
    public record Engine(List<String> arbitraryFlags, List<String> labels, List<String> insecureRegistries,
                         List<String> registryMirrors, List<String> env, String storageDriver, String installUrl,
                         List<String> tlsSans) {

        /** What {@code docker-machine create} records when no engine flag is given. */
        public static Engine defaults() {
            return new Engine(List.of(), List.of(), List.of(), List.of(), List.of(), "", "https://get.docker.com",
                    List.of());
        }
    }

    /** A machine folder as written: its server certificate pair when it has one. */
    public record Written(String name, Path folder, DockerMachineCertificates.Pair server) {
    }

    private final Path store;
    private final String user;
    private final DockerMachineCertificates.Pair ca;
    private final DockerMachineCertificates.Pair client;

    private DockerMachineStoreWriter(Path store, String user) {
        this.store = store;
        this.user = user;
        this.ca = DockerMachineCertificates.ca(user);
        this.client = DockerMachineCertificates.client(ca, user + ".<bootstrap>");
        write(store.resolve("certs/ca.pem"), ca.certificatePem());
        write(store.resolve("certs/ca-key.pem"), ca.keyPem());
        write(store.resolve("certs/cert.pem"), client.certificatePem());
        write(store.resolve("certs/key.pem"), client.keyPem());
    }

    /** A new store at {@code store} whose CA and client certificate were bootstrapped for {@code user} ($USER). */
    public static DockerMachineStoreWriter create(Path store, String user) {
        return new DockerMachineStoreWriter(store, user);
    }

    public Path store() {
        return store;
    }

    public DockerMachineCertificates.Pair ca() {
        return ca;
    }

    public DockerMachineCertificates.Pair client() {
        return client;
    }

    /**
     * {@code docker-machine create -d generic --generic-ip-address ip --generic-ssh-key key name}: the key file is
     * copied into the machine folder under its own name, as the generic driver's {@code Create} does.
     */
    public Written generic(String name, String ip, String sshUser, int sshPort, Path sshKey, Engine engine) {
        var folder = folder(name);
        var keyCopy = folder.resolve(sshKey.getFileName().toString());
        try {
            write(keyCopy, Files.readString(sshKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var driver = base(name, ip, sshUser, sshPort, keyCopy.toString());
        driver.put("EnginePort", 2376);
        driver.put("SSHKey", sshKey.toString());
        return machine(name, "generic", driver, engine, ip);
    }

    /** {@code docker-machine create -d none --url url name}: nothing provisioned, so no server certificate. */
    public Written none(String name, String url) {
        var driver = base(name, "", "", 0, "");
        driver.put("URL", url);
        folder(name);
        writeConfig(name, "none", driver, Engine.defaults());
        return new Written(name, folder(name), null);
    }

    /**
     * A machine of a cloud or hypervisor driver (virtualbox, amazonec2, …), provisioned at {@code ip} with its own
     * generated {@code id_rsa}; {@code fields} are the driver's own (such as amazonec2's {@code AccessKey}).
     */
    public Written driver(String driverName, String name, String ip, Map<String, Object> fields) {
        var folder = folder(name);
        write(folder.resolve("id_rsa"), DockerMachineCertificates.rsaPrivateKeyPem());
        var driver = base(name, ip, "ubuntu", 22, folder.resolve("id_rsa").toString());
        driver.putAll(fields);
        return machine(name, driverName, driver, Engine.defaults(), ip);
    }

    private Written machine(String name, String driverName, Map<String, Object> driver, Engine engine, String ip) {
        var folder = folder(name);
        var hosts = new ArrayList<>(engine.tlsSans());
        hosts.add(ip);
        hosts.add("localhost");
        var server = DockerMachineCertificates.server(ca, user + "." + name, hosts);
        write(folder.resolve("ca.pem"), ca.certificatePem());
        write(folder.resolve("cert.pem"), client.certificatePem());
        write(folder.resolve("key.pem"), client.keyPem());
        write(folder.resolve("server.pem"), server.certificatePem());
        write(folder.resolve("server-key.pem"), server.keyPem());
        writeConfig(name, driverName, driver, engine);
        return new Written(name, folder, server);
    }

    private Map<String, Object> base(String name, String ip, String sshUser, int sshPort, String sshKeyPath) {
        var driver = new LinkedHashMap<String, Object>();
        driver.put("IPAddress", ip);
        driver.put("MachineName", name);
        driver.put("SSHUser", sshUser);
        driver.put("SSHPort", sshPort);
        driver.put("SSHKeyPath", sshKeyPath);
        driver.put("StorePath", store.toString());
        driver.put("SwarmMaster", false);
        driver.put("SwarmHost", "");
        driver.put("SwarmDiscovery", "");
        return driver;
    }

    private void writeConfig(String name, String driverName, Map<String, Object> driver, Engine engine) {
        var machineDir = store.resolve("machines").resolve(name).toString();
        var certs = store.resolve("certs");
        var engineOptions = new LinkedHashMap<String, Object>();
        engineOptions.put("ArbitraryFlags", engine.arbitraryFlags());
        engineOptions.put("Dns", null);
        engineOptions.put("GraphDir", "");
        engineOptions.put("Env", engine.env());
        engineOptions.put("Ipv6", false);
        engineOptions.put("InsecureRegistry", engine.insecureRegistries());
        engineOptions.put("Labels", engine.labels());
        engineOptions.put("LogLevel", "");
        engineOptions.put("StorageDriver", engine.storageDriver());
        engineOptions.put("SelinuxEnabled", false);
        engineOptions.put("TlsVerify", true);
        engineOptions.put("RegistryMirror", engine.registryMirrors());
        engineOptions.put("InstallURL", engine.installUrl());
        var swarm = new LinkedHashMap<String, Object>();
        swarm.put("IsSwarm", false);
        swarm.put("Address", "");
        swarm.put("Discovery", "");
        swarm.put("Agent", false);
        swarm.put("Master", false);
        swarm.put("Host", "tcp://0.0.0.0:3376");
        swarm.put("Image", "swarm:latest");
        swarm.put("Strategy", "spread");
        swarm.put("Heartbeat", 0);
        swarm.put("Overcommit", 0);
        swarm.put("ArbitraryFlags", List.of());
        swarm.put("ArbitraryJoinFlags", List.of());
        swarm.put("Env", null);
        swarm.put("IsExperimental", false);
        var auth = new LinkedHashMap<String, Object>();
        auth.put("CertDir", certs.toString());
        auth.put("CaCertPath", certs.resolve("ca.pem").toString());
        auth.put("CaPrivateKeyPath", certs.resolve("ca-key.pem").toString());
        auth.put("CaCertRemotePath", "");
        auth.put("ServerCertPath", machineDir + "/server.pem");
        auth.put("ServerKeyPath", machineDir + "/server-key.pem");
        auth.put("ClientKeyPath", certs.resolve("key.pem").toString());
        auth.put("ServerCertRemotePath", "");
        auth.put("ServerKeyRemotePath", "");
        auth.put("ClientCertPath", certs.resolve("cert.pem").toString());
        auth.put("ServerCertSANs", engine.tlsSans());
        auth.put("StorePath", machineDir);
        var hostOptions = new LinkedHashMap<String, Object>();
        hostOptions.put("Driver", "");
        hostOptions.put("Memory", 0);
        hostOptions.put("Disk", 0);
        hostOptions.put("EngineOptions", engineOptions);
        hostOptions.put("SwarmOptions", swarm);
        hostOptions.put("AuthOptions", auth);
        var host = new LinkedHashMap<String, Object>();
        host.put("ConfigVersion", 3);
        host.put("Driver", driver);
        host.put("DriverName", driverName);
        host.put("HostOptions", hostOptions);
        host.put("Name", name);
        write(store.resolve("machines").resolve(name).resolve("config.json"), GoJson.indent(host));
    }

    private Path folder(String name) {
        var folder = store.resolve("machines").resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** Files as docker-machine leaves them: 0600 (keys and config alike), folders 0700. */
    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Go's {@code json.MarshalIndent(v, "", "    ")} for maps, lists, strings, numbers, booleans and null. */
    static final class GoJson {

        private GoJson() {
        }

        static String indent(Object value) {
            var out = new StringBuilder();
            write(out, value, "");
            return out.toString();
        }

        private static void write(StringBuilder out, Object value, String indent) {
            switch (value) {
                case null -> out.append("null");
                case Map<?, ?> map when map.isEmpty() -> out.append("{}");
                case Map<?, ?> map -> {
                    out.append("{\n");
                    var first = true;
                    for (var entry : map.entrySet()) {
                        out.append(first ? "" : ",\n").append(indent).append("    ");
                        quote(out, entry.getKey().toString());
                        out.append(": ");
                        write(out, entry.getValue(), indent + "    ");
                        first = false;
                    }
                    out.append('\n').append(indent).append('}');
                }
                case List<?> list when list.isEmpty() -> out.append("[]");
                case List<?> list -> {
                    out.append("[\n");
                    for (int i = 0; i < list.size(); i++) {
                        out.append(i == 0 ? "" : ",\n").append(indent).append("    ");
                        write(out, list.get(i), indent + "    ");
                    }
                    out.append('\n').append(indent).append(']');
                }
                case String text -> quote(out, text);
                default -> out.append(value);
            }
        }

        private static void quote(StringBuilder out, String text) {
            out.append('"');
            for (var c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '<' -> out.append("\\u003c");
                    case '>' -> out.append("\\u003e");
                    case '&' -> out.append("\\u0026");
                    default -> out.append(c);
                }
            }
            out.append('"');
        }
    }
}
