package io.harbormaster.driver;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import java.time.Clock;
import java.util.Optional;

/**
 * What the platform lends a driver, and all it lends: SSH to its hosts, machines' public keys, its team's named cloud
 * credentials and a clock. Given once to {@link MachineDriver#initialize}; safe to use from many threads. Failures are
 * {@link DriverException}s whose messages hold no secret.
 */
public interface DriverContext {

    /** Opens SSH to {@code target} as the machine, with its stored key, pinning the host key on first contact. */
    HostShell openShell(MachineId machine, SshTarget target);

    /** The machine's current SSH public key as an {@code authorized_keys} line, or empty when it has none. */
    Optional<String> sshPublicKey(MachineId machine);

    /** The latest version of the team's cloud credential called {@code name}, or empty when there is none. */
    Optional<CloudCredential> cloudCredential(TeamId team, String name);

    /** The platform's clock, for waits and timestamps that tests can control. */
    Clock clock();
}
