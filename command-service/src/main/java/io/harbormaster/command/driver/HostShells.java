package io.harbormaster.command.driver;

import io.harbormaster.api.machine.MachineId;

/** Opens {@link HostShell}s to machines' hosts with their stored SSH keys; the platform provides it to drivers. */
public interface HostShells {

    /** Connects to {@code target} as the machine, pinning the host key on first contact. */
    HostShell open(MachineId machineId, SshTarget target);
}
