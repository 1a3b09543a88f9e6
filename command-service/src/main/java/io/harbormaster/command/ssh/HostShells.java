package io.harbormaster.command.ssh;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.driver.HostShell;
import io.harbormaster.driver.SshTarget;

/**
 * Opens {@link HostShell}s to machines' hosts with their stored SSH keys: for the provisioner, and for drivers through
 * their {@link io.harbormaster.driver.DriverContext}.
 */
public interface HostShells {

    /** Connects to {@code target} as the machine, pinning the host key on first contact. */
    HostShell open(MachineId machineId, SshTarget target);
}
