package io.harbormaster.workstation.dockermachine;

/**
 * One machine of a docker-machine store, read and checked: its name (its folder's), the config.json's version, the
 * driver settings recorded for the audit, its engine options, what it becomes on the platform, and its material.
 */
public record StoredMachine(String name, int configVersion, DriverSettings.Filtered settings,
                            DockerMachineEngine engine, ImportPlan plan, StoredMaterial material) {

    /** docker-machine's driver name, as config.json gives it. */
    public String driverName() {
        return plan.originalDriver();
    }
}
