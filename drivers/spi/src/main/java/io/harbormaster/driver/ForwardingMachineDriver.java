package io.harbormaster.driver;

import io.harbormaster.api.machine.DriverOptions;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A driver that hands every call to another, for the platform's decorators (timing, network rules): the calls that
 * may reach a host or a cloud all pass through {@link #around}, so a decorator adds its behaviour in one place.
 */
public abstract class ForwardingMachineDriver implements MachineDriver {

    private final MachineDriver driver;

    protected ForwardingMachineDriver(MachineDriver driver) {
        this.driver = driver;
    }

    /**
     * Runs {@code call}, which may reach the host: {@code operation} names it ({@code create}, {@code start},
     * {@code stop}, {@code restart}, {@code kill}, {@code remove}, {@code state}, {@code addresses},
     * {@code ssh-target}); {@code options} and {@code dockerUrl} (null before the host exists) say where the host is.
     */
    protected abstract <T> T around(String operation, DriverOptions options, String dockerUrl, Supplier<T> call);

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
    public List<DriverOption> options() {
        return driver.options();
    }

    @Override
    public void validate(DriverOptions options) {
        driver.validate(options);
    }

    @Override
    public CreateResult create(MachineSpec spec) {
        return around("create", spec.options(), null, () -> driver.create(spec));
    }

    @Override
    public void start(MachineRef machine) {
        run("start", machine, () -> driver.start(machine));
    }

    @Override
    public void stop(MachineRef machine) {
        run("stop", machine, () -> driver.stop(machine));
    }

    @Override
    public void restart(MachineRef machine) {
        run("restart", machine, () -> driver.restart(machine));
    }

    @Override
    public void kill(MachineRef machine) {
        run("kill", machine, () -> driver.kill(machine));
    }

    @Override
    public void remove(MachineRef machine) {
        run("remove", machine, () -> driver.remove(machine));
    }

    @Override
    public HostState state(MachineRef machine) {
        return around("state", machine.options(), machine.dockerUrl(), () -> driver.state(machine));
    }

    @Override
    public List<String> addresses(MachineRef machine) {
        return around("addresses", machine.options(), machine.dockerUrl(), () -> driver.addresses(machine));
    }

    @Override
    public Optional<SshTarget> sshTarget(MachineRef machine) {
        return around("ssh-target", machine.options(), machine.dockerUrl(), () -> driver.sshTarget(machine));
    }

    private void run(String operation, MachineRef machine, Runnable call) {
        around(operation, machine.options(), machine.dockerUrl(), () -> {
            call.run();
            return null;
        });
    }
}
