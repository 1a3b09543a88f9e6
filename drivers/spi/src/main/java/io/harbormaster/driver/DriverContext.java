package io.harbormaster.driver;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import java.time.Clock;
import java.util.Optional;

/**
 * What the platform lends a driver, and all it lends: SSH to its hosts, machines' public keys, its team's named cloud
 * credentials, a clock and the operator's settings for drivers. Given once to {@link MachineDriver#initialize}; safe to use from many threads. Failures are
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

    /**
     * A platform-wide setting for drivers, {@code harbormaster.drivers.<key>} in the platform's configuration (e.g.
     * {@code amazonec2.endpoint}), or empty when it is not set. Settings are the operator's, never a machine's: what
     * a user may choose is a driver option. Never a secret.
     */
    default Optional<String> setting(String key) {
        return Optional.empty();
    }
}
