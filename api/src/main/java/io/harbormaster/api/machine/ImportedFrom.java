package io.harbormaster.api.machine;

/**
 * Where an imported machine came from, for the audit: the workstation that sent it (its host name, as the client
 * says), the docker-machine store's absolute path there, and docker-machine's driver with the settings recorded of
 * it, which are never secrets (an allow-list of addresses, ports, regions, sizes and the like; credentials such as
 * amazonec2's {@code SecretKey} are left out on the workstation and again on the server).
 */
public record ImportedFrom(String workstation, String storePath, String driver, DriverOptions driverSettings) {

    public ImportedFrom {
        driverSettings = driverSettings == null ? DriverOptions.none() : driverSettings;
    }
}
