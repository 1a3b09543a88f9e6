package io.harbormaster.command.network;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.ForwardingMachineDriver;
import io.harbormaster.driver.MachineDriver;
import java.util.function.Supplier;

/**
 * A driver that is not called for a machine whose address the platform may not connect to (any more): every call
 * that may reach the host (including {@code sshTarget}, which precedes every SSH session of provisioning,
 * certificate installs and upgrades) is refused with a {@link DriverException} naming the rule, which the process
 * reports as the operation's failure. {@code remove} is let through, so such a machine can still be removed (the
 * drivers' removal does not reach the machine's host).
 */
public final class GuardedDriver extends ForwardingMachineDriver {

    private final AddressCheck addresses;

    public GuardedDriver(MachineDriver driver, AddressCheck addresses) {
        super(driver);
        this.addresses = addresses;
    }

    @Override
    protected <T> T around(String operation, DriverOptions options, String dockerUrl, Supplier<T> call) {
        if (!"remove".equals(operation)) {
            addresses.refusal(options, dockerUrl).ifPresent(refusal -> {
                throw new DriverException(refusal);
            });
        }
        return call.get();
    }
}
