package io.harbormaster.command.machine;

import io.harbormaster.command.web.NoControlCharacters;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The request and response bodies of the machine command API; every string has a size cap. */
final class MachineRequests {

    static final int MAX_ID_LENGTH = 36;

    private MachineRequests() {
    }

    /** {@code POST /api/machines}. */
    record Create(
            @NotBlank @NoControlCharacters @Size(max = MAX_ID_LENGTH) String team,
            @NotBlank @NoControlCharacters @Size(max = MachineName.MAX_LENGTH) String name,
            @NotBlank @NoControlCharacters @Size(max = 64) String driver,
            @Size(max = DriverOptions.MAX_ENTRIES)
            Map<@NotBlank @NoControlCharacters @Size(max = DriverOptions.MAX_KEY_LENGTH) String,
                    @NotNull @NoControlCharacters @Size(max = DriverOptions.MAX_VALUE_LENGTH) String> driverOptions,
            @NoControlCharacters(lineBreaks = true) @Size(max = 16_384) String sshKey) {

        /** Never print the private key. */
        @Override
        public String toString() {
            return "Create[team=" + team + ", name=" + name + ", driver=" + driver + ", driverOptions=" + driverOptions
                    + ", sshKey=" + (sshKey == null ? "none" : "(given)") + "]";
        }
    }

    /**
     * {@code POST /api/machines/{id}/handoff}. Left out, {@code revokePreviousHolder} means true: handing a machine
     * on normally ends the previous holder's access, and keeping it must be asked for.
     */
    record HandOff(@NotBlank @NoControlCharacters @Size(max = MAX_ID_LENGTH) String to, Boolean revokePreviousHolder) {

        boolean revoke() {
            return !Boolean.FALSE.equals(revokePreviousHolder);
        }
    }

    /** {@code PUT /api/machines/{id}/ssh-host-key}: the key as checked on the host. */
    record HostKey(@NotBlank @NoControlCharacters @Size(max = 32) String keyType,
                   @NotBlank @NoControlCharacters @Size(max = 64) String fingerprint) {
    }

    /** {@code POST /api/machines/{id}/shares}. */
    record Share(@NotNull @Valid Grantee grantee, @NotBlank @NoControlCharacters @Size(max = 16) String role) {
    }

    /** Who a share is for: {@code kind} is USER or TEAM. */
    record Grantee(@NotBlank @NoControlCharacters @Size(max = 8) String kind,
                   @NotBlank @NoControlCharacters @Size(max = MAX_ID_LENGTH) String id) {
    }

    /** The answer to every accepted machine command. */
    record Accepted(String machineId) {
    }
}
