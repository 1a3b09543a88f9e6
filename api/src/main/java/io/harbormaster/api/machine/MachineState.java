package io.harbormaster.api.machine;

/** Where a machine is in its life, as docker-machine names the states. */
public enum MachineState {
    Creating, Provisioning, Running, Starting, Stopping, Stopped, Paused, Error, Timeout, Removing, Removed, Unknown
}
