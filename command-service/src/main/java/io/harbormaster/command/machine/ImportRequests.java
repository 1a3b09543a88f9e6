package io.harbormaster.command.machine;

import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.command.web.NoControlCharacters;
import io.harbormaster.workstation.dockermachine.DockerMachineEngine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The body and answer of {@code POST /api/machines/import}; every string has a size cap. */
final class ImportRequests {

    static final int MAX_PEM_LENGTH = 16_384;
    static final int MAX_LIST = 64;

    private ImportRequests() {
    }

    /**
     * One machine of a docker-machine store, as {@code hm import} reads it: docker-machine's {@code DriverName} and
     * driver settings, its engine options, the TLS material (the store's CA and key, the machine's server certificate
     * and key, the workstation's client certificate, never its key) and, for a generic machine, its SSH key.
     */
    @Schema(name = "ImportMachineRequest", example = """
            {"team": "5f0c6a1e-2b7d-4c1a-9e3f-8a4b2c1d0e9f", "name": "web-1", "driver": "generic",
             "driverSettings": {"IPAddress": "10.0.0.7", "SSHUser": "root", "SSHPort": "22", "EnginePort": "2376"},
             "engine": {"labels": ["team=blue"], "tlsSans": []},
             "tls": {"caCert": "-----BEGIN CERTIFICATE-----...", "caKey": "-----BEGIN RSA PRIVATE KEY-----...",
                     "serverCert": "-----BEGIN CERTIFICATE-----...", "serverKey": "-----BEGIN RSA PRIVATE KEY-----...",
                     "clientCert": "-----BEGIN CERTIFICATE-----..."},
             "sshKey": "-----BEGIN OPENSSH PRIVATE KEY-----...",
             "workstation": "alice-laptop", "storePath": "/home/alice/.docker/machine", "dryRun": false}""")
    record Import(
            @NotBlank @NoControlCharacters @Size(max = MachineRequests.MAX_ID_LENGTH) String team,
            @NotBlank @NoControlCharacters @Size(max = MachineName.MAX_LENGTH) String name,
            @NotBlank @NoControlCharacters @Size(max = 64) String driver,
            @Size(max = 128)
            Map<@NotBlank @NoControlCharacters @Size(max = 64) String,
                    @NotNull @NoControlCharacters @Size(max = 2048) String> driverSettings,
            @Valid Engine engine,
            @NotNull @Valid Tls tls,
            @NoControlCharacters(lineBreaks = true) @Size(max = MAX_PEM_LENGTH) String sshKey,
            @NotBlank @NoControlCharacters @Size(max = 255) String workstation,
            @NotBlank @NoControlCharacters @Size(max = 4096) String storePath,
            Boolean dryRun) {

        boolean isDryRun() {
            return Boolean.TRUE.equals(dryRun);
        }

        /** Never print the keys. */
        @Override
        public String toString() {
            return "Import[team=" + team + ", name=" + name + ", driver=" + driver + ", workstation=" + workstation
                    + ", storePath=" + storePath + ", tls=(given), sshKey=" + (sshKey == null ? "none" : "(given)")
                    + ", dryRun=" + dryRun + "]";
        }
    }

    /** docker-machine's {@code HostOptions.EngineOptions} (the engine's environment by name only) and TLS names. */
    @Schema(name = "ImportMachineEngine")
    record Engine(
            @Size(max = MAX_LIST) List<@NotNull @NoControlCharacters @Size(max = 512) String> arbitraryFlags,
            @Size(max = MAX_LIST) List<@NotNull @NoControlCharacters @Size(max = 512) String> dns,
            @NoControlCharacters @Size(max = 1024) String graphDir,
            @Size(max = MAX_LIST) List<@NotNull @NoControlCharacters @Size(max = 256) String> envNames,
            Boolean ipv6,
            @Size(max = MAX_LIST) List<@NotNull @NoControlCharacters @Size(max = 512) String> insecureRegistries,
            @Size(max = MAX_LIST) List<@NotNull @NoControlCharacters @Size(max = 512) String> labels,
            @NoControlCharacters @Size(max = 32) String logLevel,
            @NoControlCharacters @Size(max = 64) String storageDriver,
            Boolean selinuxEnabled,
            @Size(max = MAX_LIST) List<@NotNull @NoControlCharacters @Size(max = 512) String> registryMirrors,
            @NoControlCharacters @Size(max = EngineOptions.MAX_INSTALL_URL_LENGTH) String installUrl,
            @Size(max = MAX_LIST) List<@NotNull @NoControlCharacters @Size(max = 512) String> tlsSans) {

        DockerMachineEngine toEngine() {
            return new DockerMachineEngine(arbitraryFlags, dns, graphDir, envNames, Boolean.TRUE.equals(ipv6),
                    insecureRegistries, labels, logLevel, storageDriver, Boolean.TRUE.equals(selinuxEnabled),
                    registryMirrors, installUrl, tlsSans);
        }
    }

    /** The machine's TLS material as PEM text; serverCert and serverKey are absent only for a none machine. */
    @Schema(name = "ImportMachineTls")
    record Tls(
            @NotBlank @NoControlCharacters(lineBreaks = true) @Size(max = MAX_PEM_LENGTH) String caCert,
            @NotBlank @NoControlCharacters(lineBreaks = true) @Size(max = MAX_PEM_LENGTH) String caKey,
            @NoControlCharacters(lineBreaks = true) @Size(max = MAX_PEM_LENGTH) String serverCert,
            @NoControlCharacters(lineBreaks = true) @Size(max = MAX_PEM_LENGTH) String serverKey,
            @NotBlank @NoControlCharacters(lineBreaks = true) @Size(max = MAX_PEM_LENGTH) String clientCert) {

        ImportedTls toImported() {
            return new ImportedTls(caCert, caKey, blankToNull(serverCert), blankToNull(serverKey), clientCert);
        }

        @Override
        public String toString() {
            return "Tls[(given)]";
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text;
        }
    }

    /** What was imported, or with {@code dryRun} would be (then {@code machineId} is null). */
    @Schema(name = "MachineImported")
    record Imported(String machineId, String name, String driver, String dockerUrl, String importedDriver,
                    List<String> notes, boolean dryRun) {

        static Imported of(MachineImportOutcome outcome) {
            return new Imported(outcome.dryRun() ? null : outcome.machineId().value(), outcome.name().value(),
                    outcome.driver(), outcome.dockerUrl(), outcome.importedDriver(), outcome.notes(),
                    outcome.dryRun());
        }
    }

    /** The driver settings as sent, for the handler's own filtering. */
    static Map<String, String> settings(Import request) {
        return request.driverSettings() == null ? Map.of() : request.driverSettings();
    }
}
