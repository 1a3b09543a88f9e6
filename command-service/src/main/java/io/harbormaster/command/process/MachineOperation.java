package io.harbormaster.command.process;

import io.harbormaster.api.machine.LifecycleOperation;

/** A driver operation that a machine waits on between its request event and its outcome event. */
public enum MachineOperation {
    CREATE(null), START(LifecycleOperation.START), STOP(LifecycleOperation.STOP),
    RESTART(LifecycleOperation.RESTART), KILL(LifecycleOperation.KILL), REMOVE(null),
    /** New TLS material; tracked beside the driver operations, as a machine may wait on both at once. */
    RENEW_CERTS(null);

    private final LifecycleOperation lifecycle;

    MachineOperation(LifecycleOperation lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** The lifecycle operation this is, or null for creation, removal and renewal, which have their own commands. */
    public LifecycleOperation lifecycle() {
        return lifecycle;
    }
}
