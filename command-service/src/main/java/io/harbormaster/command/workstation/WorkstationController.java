package io.harbormaster.command.workstation;

import io.harbormaster.api.machine.DockerEndpoint;
import io.harbormaster.api.machine.IssueClientCertCommand;
import io.harbormaster.api.machine.IssuedClientCertificate;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.command.machine.ResolveDockerEndpointCommand;
import io.harbormaster.command.web.ApiInputs;
import io.harbormaster.command.web.Commands;
import io.harbormaster.workstation.ClientBundle;
import io.harbormaster.workstation.ConfigFlags;
import io.harbormaster.workstation.DockerContextExport;
import io.harbormaster.workstation.EnvScript;
import io.harbormaster.workstation.EnvSettings;
import io.harbormaster.workstation.Shell;
import io.harbormaster.workstation.TlsMaterial;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a workstation needs to use a machine with the plain {@code docker} client: docker-machine's {@code env} and
 * {@code config} output, a client bundle and a {@code docker context} export. All of them need the right to use the
 * machine (viewers get 403). The bundle and the context each issue the caller a fresh short-lived client
 * certificate ({@code ClientCertIssued}); {@code env} and {@code config} only point at files the client keeps.
 */
@RestController
@Tag(name = "Machines (workstation)")
class WorkstationController {

    private static final MediaType TAR = MediaType.parseMediaType("application/x-tar");
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final Commands commands;
    private final Clock clock;

    @Autowired
    WorkstationController(Commands commands) {
        this(commands, Clock.systemUTC());
    }

    WorkstationController(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping(value = "/api/machines/{id}/env", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(operationId = "getMachineEnv", summary = "docker-machine's env output for a shell",
            description = "Sets DOCKER_TLS_VERIFY, DOCKER_HOST, DOCKER_CERT_PATH and DOCKER_MACHINE_NAME, then the two "
                    + "usage hint lines, byte for byte as docker-machine writes them. `certPath` is the folder on the "
                    + "workstation that holds ca.pem, cert.pem and key.pem (fetch them with client-bundle).")
    @ApiResponse(responseCode = "200", description = "The script")
    ResponseEntity<String> env(@PathVariable String id,
                               @Parameter(description = "bash, fish, powershell, cmd, tcsh or emacs")
                               @RequestParam(defaultValue = "bash") String shell,
                               @RequestParam(required = false) String certPath,
                               @RequestParam(defaultValue = "false") boolean unset,
                               @RequestParam(defaultValue = "false") boolean noProxy,
                               @Parameter(description = "the workstation's current NO_PROXY, kept in the new value")
                               @RequestParam(required = false) String currentNoProxy,
                               @RequestParam(required = false) String commandName) {
        var machineId = ApiInputs.field("id", () -> MachineId.of(id));
        var chosen = ApiInputs.field("shell", () -> Shell.parse(shell));
        EnvSettings settings;
        if (unset) {
            settings = EnvSettings.forUnset();
        } else {
            requireCertPath(certPath);
            var endpoint = endpoint(machineId);
            settings = ApiInputs.field("certPath", () -> EnvSettings.forMachine(MachineName.of(endpoint.machineName()),
                    endpoint.dockerUrl(), certPath));
        }
        settings = settings.withShell(chosen);
        if (noProxy) {
            var current = currentNoProxy;
            var base = settings;
            settings = ApiInputs.field("currentNoProxy", () -> base.withNoProxy(current));
        }
        if (commandName != null) {
            var base = settings;
            settings = ApiInputs.field("commandName", () -> base.withCommandName(commandName));
        }
        var finalSettings = settings;
        return text(ApiInputs.field("certPath", () -> EnvScript.render(finalSettings)));
    }

    @GetMapping(value = "/api/machines/{id}/config", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(operationId = "getMachineConfig",
            summary = "docker-machine's config output: the docker client's TLS flags and -H for the machine")
    @ApiResponse(responseCode = "200", description = "The flags, one per line")
    ResponseEntity<String> config(@PathVariable String id, @RequestParam(required = false) String certPath) {
        var machineId = ApiInputs.field("id", () -> MachineId.of(id));
        requireCertPath(certPath);
        var endpoint = endpoint(machineId);
        return text(ApiInputs.field("certPath", () -> ConfigFlags.render(certPath, endpoint.dockerUrl())));
    }

    @PostMapping("/api/machines/{id}/client-bundle")
    @Operation(operationId = "issueClientBundle",
            summary = "Issue a client certificate and download ca.pem, cert.pem and key.pem",
            description = "A fresh certificate for the caller, valid for the platform's client validity (24 h by "
                    + "default), as a tar (default) or zip. key.pem has mode 0600.")
    @ApiResponse(responseCode = "200", description = "The bundle, as an attachment")
    ResponseEntity<byte[]> clientBundle(@PathVariable String id,
                                        @Parameter(description = "tar or zip")
                                        @RequestParam(defaultValue = "tar") String format) {
        var machineId = ApiInputs.field("id", () -> MachineId.of(id));
        var zip = switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "tar" -> false;
            case "zip" -> true;
            default -> throw new io.harbormaster.command.refusal.InvalidCommandException("format", "format must be tar or zip; got '" + format + "'");
        };
        var issued = issue(machineId);
        var bundle = ClientBundle.flat(material(issued), clock.instant());
        var name = issued.endpoint().machineName() + "-client." + (zip ? "zip" : "tar");
        return download(zip ? bundle.zip() : bundle.tar(), zip ? ZIP : TAR, name);
    }

    @PostMapping("/api/machines/{id}/docker-context")
    @Operation(operationId = "issueDockerContext",
            summary = "Issue a client certificate and download a docker context export",
            description = "The .dockercontext tar that `docker context import <name> <file>` reads: meta.json plus "
                    + "tls/docker/{ca,cert,key}.pem. `name` defaults to the machine's name.")
    @ApiResponse(responseCode = "200", description = "The context, as an attachment")
    ResponseEntity<byte[]> dockerContext(@PathVariable String id, @RequestParam(required = false) String name) {
        var machineId = ApiInputs.field("id", () -> MachineId.of(id));
        var issued = issue(machineId);
        var contextName = name == null || name.isBlank() ? issued.endpoint().machineName() : name.strip();
        var export = ApiInputs.field("name", () -> new DockerContextExport(contextName,
                "Harbormaster machine " + issued.endpoint().machineName(), issued.endpoint().dockerUrl(),
                material(issued), clock.instant()));
        return download(export.toBytes(), TAR, contextName + ".dockercontext");
    }

    /**
     * The client certificate as JSON, for clients that keep it themselves (the hm CLI's per-machine cache). Never
     * shows the key in {@link #toString()}, so it cannot reach a log line by accident.
     */
    @Schema(name = "ClientCertificate", description = "A fresh client certificate, its key and the CA that signed it")
    record ClientCertificate(String machineName, String dockerUrl, String caPem, String certPem, String keyPem,
                             String serial, Instant notAfter,
                             @Schema(description = "SHA-256 of the signing CA certificate's DER, colon-separated "
                                     + "upper-case hex (as openssl x509 -fingerprint -sha256 prints it)")
                             String caFingerprint) {

        @Override
        public String toString() {
            return "ClientCertificate[machine=" + machineName + ", serial=" + serial + ", notAfter=" + notAfter
                    + ", caFingerprint=" + caFingerprint + "]";
        }
    }

    @PostMapping(value = "/api/machines/{id}/client-certificate", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "issueClientCertificate",
            summary = "Issue a client certificate and answer it as JSON (ca, certificate, key)",
            description = "The same certificate as client-bundle (a fresh one per call, valid for the platform's "
                    + "client validity, 24 h by default; recorded as ClientCertIssued without the key), as JSON for "
                    + "clients that store it themselves. `caFingerprint` is the signing CA's, in the format of the "
                    + "machine detail's `caFingerprint`. Viewers get 403. The answer is never cached (no-store).")
    @ApiResponse(responseCode = "200", description = "The certificate, its key and the CA",
            content = @Content(schema = @Schema(implementation = ClientCertificate.class)))
    @ApiResponse(responseCode = "403", description = "The caller may only view the machine")
    @ApiResponse(responseCode = "404", description = "No machine with that id that the caller may see")
    @ApiResponse(responseCode = "409", description = "The machine has no certificates or no Docker URL yet")
    ResponseEntity<ClientCertificate> clientCertificate(@PathVariable String id) {
        var machineId = ApiInputs.field("id", () -> MachineId.of(id));
        var issued = issue(machineId);
        var m = issued.material();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ClientCertificate(issued.endpoint().machineName(), issued.endpoint().dockerUrl(),
                        m.caPem(), m.certPem(), m.keyPem(), m.serial(), m.notAfter(), issued.caFingerprint()));
    }

    private DockerEndpoint endpoint(MachineId machineId) {
        return commands.send(new ResolveDockerEndpointCommand(machineId));
    }

    private IssuedClientCertificate issue(MachineId machineId) {
        return commands.send(new IssueClientCertCommand(machineId));
    }

    private static TlsMaterial material(IssuedClientCertificate issued) {
        var m = issued.material();
        return new TlsMaterial(m.caPem(), m.certPem(), m.keyPem());
    }

    private static void requireCertPath(String certPath) {
        if (certPath == null || certPath.isBlank()) {
            throw new io.harbormaster.command.refusal.InvalidCommandException("certPath", "certPath is required: the folder on your workstation that holds "
                    + "ca.pem, cert.pem and key.pem for this machine, where you unpacked its client-bundle (for example "
                    + "~/.hm/web-1). hm env does both for you: eval \"$(hm env web-1)\"");
        }
    }

    private static ResponseEntity<String> text(String body) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(body);
    }
}
