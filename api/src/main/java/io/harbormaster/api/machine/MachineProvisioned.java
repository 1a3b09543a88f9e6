package io.harbormaster.api.machine;

/**
 * The host runs Docker Engine with TLS (or, for the none driver, needed no provisioning); the machine is running.
 *
 * @param dockerVersion the Docker Engine version the provisioner verified over TLS ({@code GET /version}); null when
 *                      nothing was provisioned (none driver) and in events stored before it was recorded
 */
public record MachineProvisioned(MachineId machineId, String dockerUrl, String dockerVersion) {

    /** Provisioned without a known engine version. */
    public MachineProvisioned(MachineId machineId, String dockerUrl) {
        this(machineId, dockerUrl, null);
    }
}
