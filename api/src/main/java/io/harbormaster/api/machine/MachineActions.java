package io.harbormaster.api.machine;

import java.util.Set;

/** The actions a user may take on a machine at one moment (see {@link DescribeMachineActionsCommand}). */
public record MachineActions(MachineId machineId, Set<Action> allowed) {

    public MachineActions {
        allowed = Set.copyOf(allowed);
    }

    public boolean allows(Action action) {
        return allowed.contains(action);
    }

    public enum Action {
        START, STOP, RESTART, KILL, PROVISION, UPGRADE, REGENERATE_CERTS, ROTATE_CA, REMOVE, HAND_OFF, SHARE,
        UNSHARE, USE
    }
}
