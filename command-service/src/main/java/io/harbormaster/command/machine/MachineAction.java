package io.harbormaster.command.machine;

import io.harbormaster.api.machine.LifecycleOperation;

/** What a command asks of a machine, as the transition table knows it. */
enum MachineAction {
    START("started", LifecycleOperation.START),
    STOP("stopped", LifecycleOperation.STOP),
    RESTART("restarted", LifecycleOperation.RESTART),
    KILL("killed", LifecycleOperation.KILL),
    REMOVE("removed", null),
    FORCE_REMOVE("removed", null),
    HAND_OFF("handed off", null),
    SHARE("shared", null),
    UNSHARE("unshared", null),
    OBSERVE("observed", null),
    REGENERATE_CERTS("given new certificates", null),
    USE("used", null),
    SSH("reached over SSH", null),
    PROVISION("provisioned", null),
    UPGRADE("upgraded", null),
    PIN_HOST_KEY("given a new pinned host key", null);

    private final String pastParticiple;
    private final LifecycleOperation operation;

    MachineAction(String pastParticiple, LifecycleOperation operation) {
        this.pastParticiple = pastParticiple;
        this.operation = operation;
    }

    static MachineAction of(LifecycleOperation operation) {
        return switch (operation) {
            case START -> START;
            case STOP -> STOP;
            case RESTART -> RESTART;
            case KILL -> KILL;
        };
    }

    /** For messages: "Machine 'web-1' cannot be <started>". */
    String pastParticiple() {
        return pastParticiple;
    }

    /** For messages: "You may see machine 'web-1' but not <start> it". */
    String infinitive() {
        return switch (this) {
            case FORCE_REMOVE -> "remove";
            case HAND_OFF -> "hand off";
            case REGENERATE_CERTS -> "regenerate the certificates of";
            case USE -> "obtain certificates for";
            case SSH -> "obtain SSH certificates for";
            case PIN_HOST_KEY -> "pin the host key of";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The driver operation this action starts, or null when it starts none. */
    LifecycleOperation operation() {
        return operation;
    }

    boolean isLifecycle() {
        return operation != null;
    }

    /** Whether the action needs a host that was created: certificates name its address. */
    boolean needsHost() {
        return this == REGENERATE_CERTS || this == USE;
    }
}
