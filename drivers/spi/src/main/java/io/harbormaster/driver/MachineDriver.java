package io.harbormaster.driver;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes and operates the host behind a machine. Implementations are found with {@link java.util.ServiceLoader}, so
 * they need a public no-argument constructor. Every method may block; callers run them on virtual threads. Failures
 * are {@link DriverException}s whose messages are shown to users, so they never hold secrets. Calls cut off by a crash
 * are made again, hence the idempotency asked of the operations below.
 */
public interface MachineDriver {

    /** The name machines are created with, like docker-machine's {@code --driver}. */
    String name();

    /** Which lifecycle operations this driver carries out, and why it refuses the others. */
    DriverCapabilities capabilities();

    /** Called once before any other call with what the platform lends drivers; drivers that need nothing ignore it. */
    default void initialize(DriverContext context) {
    }

    /** Whether the platform installs Docker Engine over SSH after {@link #create}; such drivers give an SSH target. */
    default boolean provisions() {
        return false;
    }

    /** The options this driver takes, described for forms, in the order a form shows them. */
    default List<DriverOption> options() {
        return List.of();
    }

    /** Checks options before anything is created; throws {@link InvalidDriverOptionsException} naming the bad one. */
    void validate(DriverOptions options);

    /** Creates the host (idempotent: called again after a crash, it finds or finishes it); answers its daemon URL. */
    CreateResult create(MachineSpec spec);

    /** Starts the host; idempotent. */
    void start(MachineRef machine);

    /** Stops the host gracefully; idempotent. */
    void stop(MachineRef machine);

    /** Restarts the host; safe to repeat, the host ends up running. */
    void restart(MachineRef machine);

    /** Stops the host at once, without a graceful shutdown; idempotent. */
    void kill(MachineRef machine);

    /** Removes the host and what the driver made for it; succeeds when nothing is left, so it is idempotent. */
    void remove(MachineRef machine);

    /**
     * The state the host is in now, as the driver sees it; a host that does not answer is {@link MachineState#Error}
     * with the address and port that did not answer as the problem ({@link HostState#unreachable}).
     */
    HostState state(MachineRef machine);

    /** The addresses (IPs and DNS names) the host is reachable at, for certificates and the reconciler. */
    List<String> addresses(MachineRef machine);

    /** Where to SSH to for the host, or empty when the driver gives no SSH access. */
    Optional<SshTarget> sshTarget(MachineRef machine);

    /**
     * How many machines one {@link #observe} call may take. Above 1 for drivers whose API answers for many hosts in
     * one request (EC2's DescribeInstances takes many ids), so the reconciler asks for machines in groups instead of
     * two calls each; 1 (the default) makes it ask for each machine on its own, in parallel.
     */
    default int observesAtOnce() {
        return 1;
    }

    /**
     * The state and addresses of each of {@code machines}, by machine id. A machine the driver could not ask about is
     * {@link HostState#unreachable} with the reason, so one failure never hides the others' answers. The default asks
     * {@link #addresses} and {@link #state} of each in turn.
     */
    default Map<MachineId, HostObservation> observe(List<MachineRef> machines) {
        var seen = new LinkedHashMap<MachineId, HostObservation>();
        for (var machine : machines) {
            try {
                var addresses = addresses(machine);
                seen.put(machine.machineId(), new HostObservation(state(machine), addresses));
            } catch (DriverException e) {
                seen.put(machine.machineId(), new HostObservation(HostState.unreachable(e.getMessage()), List.of()));
            }
        }
        return seen;
    }
}
