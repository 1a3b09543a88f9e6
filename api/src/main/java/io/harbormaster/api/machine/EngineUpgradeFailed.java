package io.harbormaster.api.machine;

/** Docker Engine could not be upgraded on the host; it still runs {@code version}. */
public record EngineUpgradeFailed(MachineId machineId, String version, String reason) {
}
