package io.harbormaster.command.machine;

import io.harbormaster.api.machine.DriverOptions;

/**
 * Where the platform may connect, as machine creation needs to know it without knowing drivers or networks: the
 * platform's network settings implement it and the creation handler asks it before anything is created.
 */
public interface NetworkRules {

    /**
     * Refuses options that point the platform at an address it may not connect to, with a 400 naming the option
     * ({@code driverOptions.url}, {@code driverOptions.ip-address}) and the rule that refuses it.
     */
    void requireAllowed(DriverOptions options);
}
