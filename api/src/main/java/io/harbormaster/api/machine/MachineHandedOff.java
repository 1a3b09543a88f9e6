package io.harbormaster.api.machine;

import io.harbormaster.api.user.UserId;

/** Another team member became the machine's holder. */
public record MachineHandedOff(MachineId machineId, UserId previousHolder, UserId newHolder, boolean previousHolderAccessRevoked) {
}
