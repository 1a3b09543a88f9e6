package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.workstation.dockermachine.DockerMachineStore;
import io.harbormaster.workstation.dockermachine.StoreReading;
import io.harbormaster.workstation.dockermachine.StoredMachine;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code hm import}: brings machines of a docker-machine store into a team. Each machine is read and checked here
 * first ({@link DockerMachineStore}: files found wherever the store now is, certificates that fit together), then
 * sent on its own to {@code POST /api/machines/import}, which checks everything again and keeps the CA, the server
 * material and a generic machine's SSH key in the secret store. The workstation's client key and any driver
 * credential in config.json stay on the workstation.
 *
 * <p>One line per machine: {@code imported NAME (driver, url)}, {@code skipped NAME: reason}; with {@code --dry-run}
 * {@code would import} and {@code would skip}, and nothing is written. Exit 0 when every machine asked for was (or
 * would be) imported, 1 when any was skipped; an unusable store or team is one line on standard error, exit 1.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import machines from a docker-machine store (~/.docker/machine) into a team",
        footer = {"", "Examples:",
                "  hm import --dry-run                     # what would come in, and why anything would not",
                "  hm import --team platform web-1 web-2",
                "  hm import -s /mnt/old-laptop/.docker/machine --team platform",
                "  hm import web-1 --name web-1-old        # under another name"})
public class ImportCommand implements Callable<Integer> {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "The machines to import (default: every machine "
            + "of the store)")
    private List<String> names = new ArrayList<>();

    @Option(names = "--team", paramLabel = "TEAM", description = "The team the machines join, name or id (default: "
            + "your only team)")
    private String team;

    @Option(names = {"-s", "--storage-path"}, paramLabel = "PATH", description = "The docker-machine store "
            + "(default: $MACHINE_STORAGE_PATH, else ~/.docker/machine)")
    private String storagePath;

    @Option(names = "--dry-run", description = "Check everything, here and on the server, and write nothing")
    private boolean dryRun;

    @Option(names = "--name", paramLabel = "NEW", description = "Import the one machine named under this name")
    private String newName;

    @Option(names = "--ssh-key", paramLabel = "FILE", description = "The private key of generic machines whose "
            + "folder holds none (docker-machine then used your default key or agent)")
    private String sshKey;

    @Override
    public Integer call() {
        var workstation = hm.workstation();
        if (newName != null && names.size() != 1) {
            throw new HmException("--name renames one machine: give exactly one NAME with it");
        }
        var storeDirectory = storagePath != null ? expand(storagePath)
                : workstation.variable("MACHINE_STORAGE_PATH").map(this::expand)
                        .orElseGet(() -> workstation.home().resolve(".docker").resolve("machine"));
        DockerMachineStore store;
        try {
            store = DockerMachineStore.at(storeDirectory);
        } catch (IllegalArgumentException e) {
            throw new HmException("Cannot import: " + e.getMessage() + ". Give the store with --storage-path.");
        }
        var key = sshKey == null ? null : expand(sshKey);
        if (key != null && !Files.isRegularFile(key)) {
            throw new HmException("Cannot import: the SSH key " + key + " is not a file.");
        }
        var wanted = names.isEmpty() ? store.names() : names;
        var out = spec.commandLine().getOut();
        if (wanted.isEmpty()) {
            out.println("No machines in " + store.path() + "; nothing to import.");
            return 0;
        }
        var client = hm.connect();
        var teamId = Teams.chosen(client, team);
        var allDone = true;
        for (var name : wanted) {
            var reading = store.read(name, key);
            allDone &= switch (reading) {
                case StoreReading.Unreadable unreadable -> skipped(out, unreadable.name(), unreadable.reason());
                case StoreReading.Readable readable -> send(client, out, teamId, store, readable.machine());
            };
        }
        out.flush();
        return allDone ? 0 : 1;
    }

    /** Sends one machine; a refusal of that machine is a skip, one that holds for all of them ends the run. */
    private boolean send(HarbormasterClient client, PrintWriter out, String teamId, DockerMachineStore store,
                         StoredMachine machine) {
        var name = newName != null ? newName : machine.name();
        var response = client.exchange("POST", "/api/machines/import", Map.of(),
                body(teamId, name, store, machine));
        if (response.statusCode() / 100 != 2) {
            var refusal = client.refusal(response);
            if (response.statusCode() == 401 || response.statusCode() == 403 || response.statusCode() == 404) {
                throw refusal;
            }
            return skipped(out, name, refusal.getMessage());
        }
        var answer = client.json().readTree(response.body());
        var was = machine.driverName().equals(text(answer, "driver")) ? "" : "; was " + machine.driverName();
        out.println((dryRun ? "would import " : "imported ") + name + " (" + text(answer, "driver") + ", "
                + text(answer, "dockerUrl") + was + ")");
        for (var note : answer.path("notes").values()) {
            out.println("  note: " + note.asString());
        }
        return true;
    }

    private boolean skipped(PrintWriter out, String name, String reason) {
        out.println((dryRun ? "would skip " : "skipped ") + name + ": " + reason);
        return false;
    }

    /** The request: what docker-machine says of the machine, never the client key or a driver's credentials. */
    private Map<String, Object> body(String teamId, String name, DockerMachineStore store, StoredMachine machine) {
        var material = machine.material();
        var tls = new LinkedHashMap<String, Object>();
        tls.put("caCert", material.caCert());
        tls.put("caKey", material.caKey());
        tls.put("serverCert", material.serverCert());
        tls.put("serverKey", material.serverKey());
        tls.put("clientCert", material.clientCert());
        var engine = machine.engine();
        var engineBody = new LinkedHashMap<String, Object>();
        engineBody.put("arbitraryFlags", engine.arbitraryFlags());
        engineBody.put("dns", engine.dns());
        engineBody.put("graphDir", engine.graphDir());
        engineBody.put("envNames", engine.envNames());
        engineBody.put("ipv6", engine.ipv6());
        engineBody.put("insecureRegistries", engine.insecureRegistries());
        engineBody.put("labels", engine.labels());
        engineBody.put("logLevel", engine.logLevel());
        engineBody.put("storageDriver", engine.storageDriver());
        engineBody.put("selinuxEnabled", engine.selinuxEnabled());
        engineBody.put("registryMirrors", engine.registryMirrors());
        engineBody.put("installUrl", engine.installUrl());
        engineBody.put("tlsSans", engine.tlsSans());
        var body = new LinkedHashMap<String, Object>();
        body.put("team", teamId);
        body.put("name", name);
        body.put("driver", machine.driverName());
        body.put("driverSettings", machine.settings().kept());
        body.put("engine", engineBody);
        body.put("tls", tls);
        body.put("sshKey", material.sshKey());
        body.put("workstation", hm.workstation().name());
        body.put("storePath", store.path().toString());
        body.put("dryRun", dryRun);
        return body;
    }

    /** A path as the shell would have it: {@code ~} is the home, a relative path is the working directory's. */
    private Path expand(String path) {
        var home = hm.workstation().home();
        if (path.equals("~")) {
            return home;
        }
        return path.startsWith("~/") ? home.resolve(path.substring(2)) : Path.of(path).toAbsolutePath();
    }

    private static String text(JsonNode answer, String field) {
        return answer.path(field).asString("");
    }
}
