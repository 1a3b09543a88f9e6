package io.harbormaster.command.network;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.DriverCapabilities;
import io.harbormaster.driver.DriverContext;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.MachineDriver;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.driver.MachineSpec;
import io.harbormaster.driver.SshTarget;
import java.util.List;
import java.util.Optional;

/**
 * A driver that is not called for a machine whose address the platform may not connect to (any more): every call
 * that may reach the host (including {@code sshTarget}, which precedes every SSH session of provisioning,
 * certificate installs and upgrades) is refused with a {@link DriverException} naming the rule, which the process
 * reports as the operation's failure. {@code remove} is let through, so such a machine can still be removed (the
 * drivers' removal does not reach the machine's host).
 */
public final class GuardedDriver implements MachineDriver {

    private final MachineDriver driver;
    private final AddressCheck addresses;

    public GuardedDriver(MachineDriver driver, AddressCheck addresses) {
        this.driver = driver;
        this.addresses = addresses;
    }

    @Override
    public String name() {
        return driver.name();
    }

    @Override
    public DriverCapabilities capabilities() {
        return driver.capabilities();
    }

    @Override
    public void initialize(DriverContext context) {
        driver.initialize(context);
    }

    @Override
    public boolean provisions() {
        return driver.provisions();
    }

    @Override
    public void validate(DriverOptions options) {
        driver.validate(options);
    }

    @Override
    public CreateResult create(MachineSpec spec) {
        require(spec.options(), null);
        return driver.create(spec);
    }

    @Override
    public void start(MachineRef machine) {
        require(machine);
        driver.start(machine);
    }

    @Override
    public void stop(MachineRef machine) {
        require(machine);
        driver.stop(machine);
    }

    @Override
    public void restart(MachineRef machine) {
        require(machine);
        driver.restart(machine);
    }

    @Override
    public void kill(MachineRef machine) {
        require(machine);
        driver.kill(machine);
    }

    @Override
    public void remove(MachineRef machine) {
        driver.remove(machine);
    }

    @Override
    public io.harbormaster.driver.HostState state(MachineRef machine) {
        require(machine);
        return driver.state(machine);
    }

    @Override
    public List<String> addresses(MachineRef machine) {
        require(machine);
        return driver.addresses(machine);
    }

    @Override
    public Optional<SshTarget> sshTarget(MachineRef machine) {
        require(machine);
        return driver.sshTarget(machine);
    }

    private void require(MachineRef machine) {
        require(machine.options(), machine.dockerUrl());
    }

    private void require(DriverOptions options, String dockerUrl) {
        addresses.refusal(options, dockerUrl).ifPresent(refusal -> {
            throw new DriverException(refusal);
        });
    }
}
