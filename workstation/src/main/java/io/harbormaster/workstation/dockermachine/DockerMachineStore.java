package io.harbormaster.workstation.dockermachine;

import io.harbormaster.api.machine.MachineName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A docker-machine store on this workstation ({@code ~/.docker/machine}, or {@code --storage-path} /
 * {@code MACHINE_STORAGE_PATH}), read for {@code hm import}: its machines are the folders under {@code machines/}
 * (not those starting with {@code .}, as docker-machine's own listing), each read and checked on its own, so one
 * broken machine is reported with its reason and the others still import.
 */
public final class DockerMachineStore {

    /** A larger file is not a certificate, key or config.json of docker-machine's. */
    static final long MAX_FILE_SIZE = 256 * 1024;

    private final Path path;

    private DockerMachineStore(Path path) {
        this.path = path;
    }

    /** The store at {@code path}; refuses a path that is not a docker-machine store, saying what was found. */
    public static DockerMachineStore at(Path path) {
        var absolute = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(Files.exists(absolute) ? absolute + " is not a directory"
                    : "there is no docker-machine store at " + absolute + " (nothing there)");
        }
        if (!Files.isDirectory(absolute.resolve("machines"))) {
            throw new IllegalArgumentException(absolute + " is not a docker-machine store: it has no machines/ "
                    + "folder");
        }
        return new DockerMachineStore(absolute);
    }

    public Path path() {
        return path;
    }

    /** The machines' names, sorted. */
    public List<String> names() {
        try (Stream<Path> folders = Files.list(path.resolve("machines"))) {
            return folders.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + path.resolve("machines") + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /**
     * Reads and checks the machine {@code name}. {@code sshKey} is a private key to use for a generic machine whose
     * folder holds none (docker-machine then used the user's default key or agent); null for none.
     */
    public StoreReading read(String name, Path sshKey) {
        try {
            return new StoreReading.Readable(readChecked(name, sshKey));
        } catch (UnreadableMachineException e) {
            return new StoreReading.Unreadable(name, e.getMessage());
        }
    }

    private StoredMachine readChecked(String name, Path sshKey) {
        if (name.length() > MachineName.MAX_LENGTH || !MachineName.RULE.matcher(name).matches()) {
            throw new UnreadableMachineException("'" + name + "' is not a machine name Harbormaster accepts (letters, "
                    + "digits, '.' and '-', at most " + MachineName.MAX_LENGTH + "); import it with --name");
        }
        var folder = path.resolve("machines").resolve(name);
        if (!Files.isDirectory(folder)) {
            throw new UnreadableMachineException("there is no machine folder machines/" + name + " in the store");
        }
        var config = MachineConfig.parse(text(folder.resolve("config.json"), "machines/" + name + "/config.json"));
        var paths = new StorePaths(path, config.storeRoot());
        var settings = DriverSettings.filter(config.settings());
        var plan = ImportPlan.of(config.driverName(), settings.kept(), config.engine());
        var labels = new MaterialCheck.Labels(
                label(paths, config.caCertPath(), "CaCertPath"), label(paths, config.caKeyPath(), "CaPrivateKeyPath"),
                label(paths, config.serverCertPath(), "ServerCertPath"),
                label(paths, config.serverKeyPath(), "ServerKeyPath"),
                label(paths, config.clientCertPath(), "ClientCertPath"),
                label(paths, config.clientKeyPath(), "ClientKeyPath"), sshKeyLabel(paths, config, sshKey));
        var server = plan.needsServerCertificate();
        var material = new StoredMaterial(
                read(paths, config.caCertPath(), "CaCertPath"), read(paths, config.caKeyPath(), "CaPrivateKeyPath"),
                server ? read(paths, config.serverCertPath(), "ServerCertPath") : null,
                server ? read(paths, config.serverKeyPath(), "ServerKeyPath") : null,
                read(paths, config.clientCertPath(), "ClientCertPath"),
                read(paths, config.clientKeyPath(), "ClientKeyPath"),
                plan.needsSshKey() ? sshKey(paths, config, sshKey) : null);
        MaterialCheck.check(material, labels, plan.dockerHost(), Instant.now());
        return new StoredMachine(name, config.version(), settings, config.engine(), plan, material);
    }

    private String sshKey(StorePaths paths, MachineConfig config, Path given) {
        if (config.sshKeyPath() != null) {
            return text(paths.resolve(config.sshKeyPath()), sshKeyLabel(paths, config, given));
        }
        if (given == null) {
            throw new UnreadableMachineException("its folder holds no SSH key (docker-machine used your default key "
                    + "or agent for it); give the key with --ssh-key FILE");
        }
        return text(given, given.toString());
    }

    private static String sshKeyLabel(StorePaths paths, MachineConfig config, Path given) {
        if (config.sshKeyPath() != null) {
            return paths.label(paths.resolve(config.sshKeyPath()));
        }
        return given == null ? "the SSH key" : given.toString();
    }

    private static String label(StorePaths paths, String recorded, String field) {
        return recorded == null ? field : paths.label(paths.resolve(recorded));
    }

    private static String read(StorePaths paths, String recorded, String field) {
        if (recorded == null) {
            throw new UnreadableMachineException("config.json gives no " + field + " (HostOptions.AuthOptions)");
        }
        var file = paths.resolve(recorded);
        var label = paths.label(file);
        try {
            return text(file, label);
        } catch (UnreadableMachineException e) {
            if (!Files.exists(file)) {
                throw new UnreadableMachineException(label + " is missing (config.json's " + field + " names "
                        + recorded + ")");
            }
            throw e;
        }
    }

    private static String text(Path file, String label) {
        try {
            if (Files.size(file) > MAX_FILE_SIZE) {
                throw new UnreadableMachineException(label + " is larger than " + MAX_FILE_SIZE / 1024 + " KiB; "
                        + "docker-machine writes no such file");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UnreadableMachineException(label + " is missing");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UnreadableMachineException(label + " is not text; PEM (or JSON) text was expected");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnreadableMachineException("cannot read " + label + " ("
                    + e.getClass().getSimpleName().toLowerCase(Locale.ROOT).replace("exception", "") + ")");
        }
    }

    /** Every machine of the store, read and checked, in name order. */
    public List<StoreReading> readAll(Path sshKey) {
        var readings = new ArrayList<StoreReading>();
        for (var name : names()) {
            readings.add(read(name, sshKey));
        }
        return readings;
    }
}
