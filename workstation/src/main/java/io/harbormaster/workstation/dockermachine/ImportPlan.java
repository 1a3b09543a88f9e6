package io.harbormaster.workstation.dockermachine;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.InvalidEngineOptionsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a docker-machine machine becomes on the platform. A {@code generic} machine stays generic (its address, SSH
 * user and port, engine port, and the engine options Harbormaster can write into {@code daemon.json}); a {@code none}
 * machine stays none (its URL). A machine of any other driver (virtualbox, amazonec2, digitalocean, …) becomes an
 * existing daemon, a {@code none} machine at {@code tcp://<IPAddress>:<port>}: the platform has none of those
 * drivers, so it uses the daemon and leaves the host alone. Whatever does not carry over is said in {@link #notes()}.
 * The workstation and the server both make the plan from the same settings, so the server decides for itself.
 *
 * @param originalDriver docker-machine's {@code DriverName}
 */
public record ImportPlan(String originalDriver, String driver, DriverOptions driverOptions, String dockerUrl,
                         EngineOptions engineOptions, List<String> notes) {

    /** docker-machine's default install script; recorded for every machine, so it says nothing about this one. */
    public static final String DEFAULT_INSTALL_URL = "https://get.docker.com";
    static final int DEFAULT_ENGINE_PORT = 2376;

    public ImportPlan {
        notes = List.copyOf(notes);
    }

    /**
     * The plan for a machine of {@code dockerMachineDriver} with these driver settings (as {@link DriverSettings}
     * keeps them) and engine options; throws {@link UnreadableMachineException} when there is no Docker URL to use.
     */
    public static ImportPlan of(String dockerMachineDriver, Map<String, String> settings, DockerMachineEngine engine) {
        if (dockerMachineDriver == null || dockerMachineDriver.isBlank()) {
            throw new UnreadableMachineException("config.json names no driver (DriverName)");
        }
        var original = dockerMachineDriver.strip().toLowerCase(Locale.ROOT);
        var notes = new ArrayList<String>();
        return switch (original) {
            case "generic" -> {
                var address = requireAddress(settings, original);
                var options = new LinkedHashMap<String, String>();
                options.put("ip-address", address);
                options.put("ssh-user", text(settings, "SSHUser", "root"));
                options.put("ssh-port", Integer.toString(port(settings, "SSHPort", 22)));
                var enginePort = port(settings, "EnginePort", DEFAULT_ENGINE_PORT);
                options.put("engine-port", Integer.toString(enginePort));
                yield new ImportPlan(original, "generic", new DriverOptions(options), url(address, enginePort),
                        EngineMapping.of(engine, notes), notes);
            }
            case "none" -> {
                var url = daemonUrl(settings.get("URL"));
                ignoredEngine(engine, notes);
                yield new ImportPlan(original, "none", new DriverOptions(Map.of("url", url)), url,
                        EngineOptions.none(), notes);
            }
            default -> {
                var address = requireAddress(settings, original);
                var port = settings.containsKey("DockerPort") ? port(settings, "DockerPort", DEFAULT_ENGINE_PORT)
                        : port(settings, "EnginePort", DEFAULT_ENGINE_PORT);
                var url = url(address, port);
                notes.add("an existing daemon now: the platform has no " + original + " driver, so it uses the "
                        + "daemon at " + url + " and never starts, stops, provisions or removes the " + original
                        + " host");
                ignoredEngine(engine, notes);
                yield new ImportPlan(original, "none", new DriverOptions(Map.of("url", url)), url,
                        EngineOptions.none(), notes);
            }
        };
    }

    /** The host part of the Docker URL, which the server certificate must name. */
    public String dockerHost() {
        try {
            var host = new URI(dockerUrl).getHost();
            if (host == null || host.isBlank()) {
                throw new UnreadableMachineException("the machine's URL '" + dockerUrl + "' names no host");
            }
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        } catch (URISyntaxException e) {
            throw new UnreadableMachineException("the machine's URL '" + dockerUrl + "' is not a URL");
        }
    }

    /** Whether the machine needs a server certificate: every machine docker-machine provisioned has one. */
    public boolean needsServerCertificate() {
        return !originalDriver.equals("none");
    }

    /** Whether the platform reaches the host over SSH, and so needs the machine's SSH key. */
    public boolean needsSshKey() {
        return driver.equals("generic");
    }

    private static String requireAddress(Map<String, String> settings, String driver) {
        var address = settings.get("IPAddress");
        if (address == null || address.isBlank()) {
            throw new UnreadableMachineException("config.json records no IPAddress for this " + driver
                    + " machine, so there is no Docker URL to use (start it with docker-machine once, then import)");
        }
        return address.strip();
    }

    /** A none machine's URL as the none driver writes it, {@code tcp://host:port}, so equal daemons compare equal. */
    private static String daemonUrl(String given) {
        if (given == null || given.isBlank()) {
            throw new UnreadableMachineException("config.json gives this none machine no URL");
        }
        try {
            var uri = new URI(given.strip());
            if (!"tcp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
                throw new URISyntaxException(given, "not tcp://host:port");
            }
            var host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            return url(host.toLowerCase(Locale.ROOT), uri.getPort());
        } catch (URISyntaxException e) {
            throw new UnreadableMachineException("config.json's URL '" + given.strip() + "' is not tcp://host:port, "
                    + "the only kind of URL the none driver takes");
        }
    }

    private static String url(String address, int port) {
        var host = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        return "tcp://" + host + ":" + port;
    }

    private static String text(Map<String, String> settings, String name, String fallback) {
        var value = settings.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int port(Map<String, String> settings, String name, int fallback) {
        var value = settings.get(name);
        if (value == null || value.isBlank() || value.strip().equals("0")) {
            return fallback;
        }
        try {
            var port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UnreadableMachineException("config.json's " + name + " '" + value + "' is not a port");
    }

    private static void ignoredEngine(DockerMachineEngine engine, List<String> notes) {
        var mapped = EngineMapping.of(engine, new ArrayList<>());
        if (!mapped.isEmpty()) {
            notes.add("engine options not carried over: the platform does not configure an existing daemon");
        }
    }

    /** docker-machine's engine options as Harbormaster's, each entry kept only when Harbormaster can apply it. */
    private static final class EngineMapping {

        private final List<String> flags = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private final List<String> tlsSans = new ArrayList<>();
        private String installUrl;
        private final List<String> notes;

        private EngineMapping(List<String> notes) {
            this.notes = notes;
        }

        static EngineOptions of(DockerMachineEngine engine, List<String> notes) {
            var mapping = new EngineMapping(notes);
            var e = engine == null ? DockerMachineEngine.none() : engine;
            e.arbitraryFlags().forEach(flag -> mapping.flag(flag, flag));
            e.dns().forEach(dns -> mapping.flag("dns=" + dns, "--engine-opt dns=" + dns));
            if (e.graphDir() != null) {
                mapping.flag("data-root=" + e.graphDir(), "GraphDir " + e.graphDir());
            }
            if (e.ipv6()) {
                mapping.flag("ipv6=true", "Ipv6");
            }
            e.insecureRegistries().forEach(r -> mapping.flag("insecure-registry=" + r, "insecure registry " + r));
            if (e.logLevel() != null) {
                mapping.flag("log-level=" + e.logLevel(), "log level " + e.logLevel());
            }
            if (e.storageDriver() != null) {
                mapping.flag("storage-driver=" + e.storageDriver(), "storage driver " + e.storageDriver());
            }
            if (e.selinuxEnabled()) {
                mapping.flag("selinux-enabled=true", "SelinuxEnabled");
            }
            e.registryMirrors().forEach(m -> mapping.flag("registry-mirror=" + m, "registry mirror " + m));
            e.labels().forEach(mapping::label);
            e.tlsSans().forEach(mapping::tlsSan);
            if (e.installUrl() != null && !e.installUrl().equals(DEFAULT_INSTALL_URL)) {
                mapping.installUrl(e.installUrl());
            }
            if (!e.envNames().isEmpty()) {
                notes.add("engine environment " + String.join(", ", e.envNames()) + " not carried over: dockerd's "
                        + "daemon.json has no place for it");
            }
            return mapping.build();
        }

        private void flag(String flag, String described) {
            tryAdd(flags, flag, "engine option '" + described + "'");
        }

        private void label(String label) {
            if (label.startsWith("provider=")) {
                notes.add("label " + label + " left out: Harbormaster labels the hosts it configures itself");
                return;
            }
            tryAdd(labels, label, "engine label '" + label + "'");
        }

        private void tlsSan(String san) {
            tryAdd(tlsSans, san, "TLS name '" + san + "'");
        }

        private void installUrl(String url) {
            var before = installUrl;
            installUrl = url;
            try {
                build();
            } catch (InvalidEngineOptionsException e) {
                installUrl = before;
                notes.add("engine install URL not carried over: " + reason(e));
            }
        }

        private void tryAdd(List<String> list, String entry, String described) {
            list.add(entry);
            try {
                build();
            } catch (InvalidEngineOptionsException e) {
                list.removeLast();
                notes.add(described + " not carried over: " + reason(e));
            }
        }

        /** The rule's first clause: what follows ("; use key=value with one of …") would drown the note. */
        private static String reason(InvalidEngineOptionsException e) {
            var text = e.reason();
            var clause = text.indexOf("; ");
            return clause > 0 ? text.substring(0, clause) : text;
        }

        private EngineOptions build() {
            return new EngineOptions(flags, labels, installUrl, tlsSans);
        }
    }
}
