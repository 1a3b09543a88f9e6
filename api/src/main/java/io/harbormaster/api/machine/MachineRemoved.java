package io.harbormaster.api.machine;

import io.harbormaster.api.team.TeamId;

/** The machine is gone; its name is free again in its team. */
public record MachineRemoved(MachineId machineId, TeamId teamId, MachineName name) {
}
