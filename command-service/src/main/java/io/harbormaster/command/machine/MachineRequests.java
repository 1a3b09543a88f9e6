package io.harbormaster.command.machine;

import io.harbormaster.command.web.NoControlCharacters;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.MachineName;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The request and response bodies of the machine command API; every string has a size cap. */
final class MachineRequests {

    static final int MAX_ID_LENGTH = 36;

    private MachineRequests() {
    }

    /** {@code POST /api/machines}. */
    @Schema(name = "CreateMachineRequest", example = """
            {"team": "5f0c6a1e-2b7d-4c1a-9e3f-8a4b2c1d0e9f", "name": "web-1", "driver": "generic",
             "driverOptions": {"ip-address": "10.0.0.7", "ssh-user": "ubuntu"},
             "engineOptions": {"flags": ["log-level=warn", "default-ulimit=nofile=1024:2048"],
                               "labels": ["team=blue"], "installUrl": "https://get.docker.com",
                               "tlsSans": ["docker.example.com"]}}""")
    record Create(
            @NotBlank @NoControlCharacters @Size(max = MAX_ID_LENGTH) String team,
            @NotBlank @NoControlCharacters @Size(max = MachineName.MAX_LENGTH) String name,
            @NotBlank @NoControlCharacters @Size(max = 64) String driver,
            @Size(max = DriverOptions.MAX_ENTRIES)
            Map<@NotBlank @NoControlCharacters @Size(max = DriverOptions.MAX_KEY_LENGTH) String,
                    @NotNull @NoControlCharacters @Size(max = DriverOptions.MAX_VALUE_LENGTH) String> driverOptions,
            @NoControlCharacters(lineBreaks = true) @Size(max = 16_384) String sshKey,
            @Valid Engine engineOptions) {

        /** Never print the private key. */
        @Override
        public String toString() {
            return "Create[team=" + team + ", name=" + name + ", driver=" + driver + ", driverOptions=" + driverOptions
                    + ", sshKey=" + (sshKey == null ? "none" : "(given)") + ", engineOptions=" + engineOptions + "]";
        }
    }

    /**
     * The optional {@code engineOptions} of a create request, docker-machine's {@code --engine-opt},
     * {@code --engine-label}, {@code --engine-install-url} and {@code --tls-san}; the rules are {@link EngineOptions}'s.
     */
    @Schema(name = "CreateMachineEngineOptions", description = "How Docker Engine is set up on a host the driver "
            + "provisions (generic): flags are dockerd options as key=value, written into /etc/docker/daemon.json "
            + "(log-level, debug, dns, registry-mirror, insecure-registry, storage-driver, data-root, default-ulimit, "
            + "log-opt, max-concurrent-downloads, ...); labels are daemon labels as key=value; installUrl (http or "
            + "https) installs Docker Engine where it is missing; tlsSans are extra DNS names or IP addresses of the "
            + "server certificate. Recorded with the machine: no secrets.", example = """
            {"flags": ["log-level=warn", "registry-mirror=https://mirror.example.com"], "labels": ["team=blue"],
             "installUrl": "https://get.docker.com", "tlsSans": ["docker.example.com", "203.0.113.7"]}""")
    record Engine(
            @Size(max = EngineOptions.MAX_FLAGS)
            List<@NotBlank @NoControlCharacters @Size(max = EngineOptions.MAX_ENTRY_LENGTH) String> flags,
            @Size(max = EngineOptions.MAX_LABELS)
            List<@NotBlank @NoControlCharacters @Size(max = EngineOptions.MAX_ENTRY_LENGTH) String> labels,
            @NoControlCharacters @Size(max = EngineOptions.MAX_INSTALL_URL_LENGTH) String installUrl,
            @Size(max = EngineOptions.MAX_TLS_SANS)
            List<@NotBlank @NoControlCharacters @Size(max = EngineOptions.MAX_ENTRY_LENGTH) String> tlsSans) {
    }

    /**
     * {@code POST /api/machines/{id}/handoff}. Left out, {@code revokePreviousHolder} means true: handing a machine
     * on normally ends the previous holder's access, and keeping it must be asked for.
     */
    @Schema(name = "HandOffMachineRequest", example = """
            {"to": "0b6d1f52-7c3e-4a8b-9d2f-1e5a6b7c8d9e", "revokePreviousHolder": true}""")
    record HandOff(@NotBlank @Size(max = MAX_ID_LENGTH) @NoControlCharacters String to, Boolean revokePreviousHolder) {

        boolean revoke() {
            return !Boolean.FALSE.equals(revokePreviousHolder);
        }
    }

    /** {@code PUT /api/machines/{id}/ssh-host-key}: the key as checked on the host. */
    @Schema(name = "PinHostKeyRequest", example = """
            {"keyType": "ssh-ed25519", "fingerprint": "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"}""")
    record HostKey(@NotBlank @Size(max = 32) @NoControlCharacters String keyType,
                   @NotBlank @Size(max = 64) @NoControlCharacters String fingerprint) {
    }

    /** {@code POST /api/machines/{id}/shares}. */
    @Schema(name = "ShareMachineRequest", example = """
            {"grantee": {"kind": "USER", "id": "0b6d1f52-7c3e-4a8b-9d2f-1e5a6b7c8d9e"}, "role": "VIEWER"}""")
    record Share(@NotNull @Valid Grantee grantee, @NotBlank @Size(max = 16) @NoControlCharacters String role) {
    }

    /** Who a share is for: {@code kind} is USER or TEAM. */
    @Schema(name = "ShareGrantee")
    record Grantee(@NotBlank @Size(max = 8) @NoControlCharacters String kind,
                   @NotBlank @Size(max = MAX_ID_LENGTH) @NoControlCharacters String id) {
    }

    /** The answer to every accepted machine command. */
    @Schema(name = "MachineCommandAccepted")
    record Accepted(String machineId) {
    }
}
