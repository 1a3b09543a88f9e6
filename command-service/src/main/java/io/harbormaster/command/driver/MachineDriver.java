package io.harbormaster.command.driver;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineState;
import java.util.List;
import java.util.Optional;

/**
 * Makes and operates the host behind a machine. Implementations are found with {@link java.util.ServiceLoader}, so
 * they need a public no-argument constructor. Every method may block; callers run them on virtual threads. Failures
 * are reported as {@link DriverException}s whose messages are shown to users, so they never hold secrets.
 */
public interface MachineDriver {

    /** The name machines are created with, like docker-machine's {@code --driver}. */
    String name();

    /** Which lifecycle operations this driver carries out, and why it refuses the others. */
    DriverCapabilities capabilities();

    /**
     * Called once before the driver is used, with the platform's SSH access to hosts; drivers that need none ignore
     * it.
     */
    default void initialize(HostShells shells) {
    }

    /**
     * Whether Harbormaster installs and configures Docker Engine on this driver's hosts over SSH after
     * {@link #create}; such drivers give an {@link #sshTarget}.
     */
    default boolean provisions() {
        return false;
    }

    /** Checks options before anything is created; throws {@link InvalidDriverOptionsException} naming the bad one. */
    void validate(DriverOptions options);

    /**
     * Creates the host and, where the driver provisions, installs Docker Engine; tells the daemon URL or why not.
     * Must be idempotent: after a crash it is called again for the same machine and must find or finish its host.
     */
    CreateResult create(MachineSpec spec);

    /** Starts the host. Must be idempotent: it may be called again after a crash cut the first call off. */
    void start(MachineRef machine);

    /** Stops the host gracefully. Must be idempotent: it may be called again after a crash cut the first call off. */
    void stop(MachineRef machine);

    /** Restarts the host. Must be safe to repeat (the host ends up running): it may be called again after a crash. */
    void restart(MachineRef machine);

    /** Stops the host at once, without a graceful shutdown. Must be idempotent, as it may be called again. */
    void kill(MachineRef machine);

    /**
     * Removes the host and whatever the driver made for it; succeeds when there is nothing left to remove, which makes
     * it idempotent, as it must be: it may be called again after a crash cut the first call off.
     */
    void remove(MachineRef machine);

    /** The state the host is in now, as the driver sees it. */
    MachineState state(MachineRef machine);

    /** The addresses (IPs and DNS names) the host is reachable at, for certificates and the reconciler. */
    List<String> addresses(MachineRef machine);

    /** Where to SSH to for the host, or empty when the driver gives no SSH access. */
    Optional<SshTarget> sshTarget(MachineRef machine);
}
