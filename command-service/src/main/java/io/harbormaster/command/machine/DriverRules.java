package io.harbormaster.command.machine;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.LifecycleOperation;
import java.util.Optional;

/**
 * What the machine's decisions need to know of drivers, without knowing drivers: the platform's driver layer
 * implements it and Axon hands it to command handlers as a parameter.
 */
public interface DriverRules {

    /** The installed driver's canonical name; throws a refusal naming the installed drivers for an unknown one. */
    String requireKnown(String driver);

    /** Checks options before anything is created; throws a refusal naming the bad option. */
    void validate(String driver, DriverOptions options);

    /** The refusal of {@code operation} on a machine of {@code driver}, or empty when the driver carries it out. */
    Optional<String> refusal(String driver, LifecycleOperation operation);

    /** Whether Harbormaster installs Docker Engine on this driver's hosts over SSH (and so pins their host keys). */
    boolean provisions(String driver);

    /**
     * Whether this driver's stop only takes the machine out of service in Harbormaster and leaves the host running
     * ({@code none}): then a Stopped machine stays Stopped whatever the reconciler sees, until a user starts it.
     */
    boolean stopLeavesHostRunning(String driver);
}
