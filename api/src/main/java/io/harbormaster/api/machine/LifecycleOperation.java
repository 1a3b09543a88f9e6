package io.harbormaster.api.machine;

/** A driver operation that runs after its command was accepted and ends in a completion or a failure event. */
public enum LifecycleOperation {
    START, STOP, RESTART, KILL
}
