package io.harbormaster.api.machine;

/** Docker Engine on the host was upgraded. */
public record EngineUpgraded(MachineId machineId, String previousVersion, String newVersion) {
}
