package io.harbormaster.command.driver;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.DriverCapabilities;
import io.harbormaster.driver.DriverContext;
import io.harbormaster.driver.HostState;
import io.harbormaster.driver.MachineDriver;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.driver.MachineSpec;
import io.harbormaster.driver.SshTarget;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times every call that reaches a host or a cloud ({@code harbormaster.driver.calls}, tagged with the driver, the
 * operation and {@code success} or {@code failure}), so operators see slow and failing drivers per operation. The
 * checks that never leave the process (name, capabilities, option validation) are not timed.
 */
final class MeteredMachineDriver implements MachineDriver {

    static final String METER = "harbormaster.driver.calls";

    private final MachineDriver driver;
    private final MeterRegistry meters;

    MeteredMachineDriver(MachineDriver driver, MeterRegistry meters) {
        this.driver = driver;
        this.meters = meters;
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
        return timed("create", () -> driver.create(spec));
    }

    @Override
    public void start(MachineRef machine) {
        timed("start", () -> driver.start(machine));
    }

    @Override
    public void stop(MachineRef machine) {
        timed("stop", () -> driver.stop(machine));
    }

    @Override
    public void restart(MachineRef machine) {
        timed("restart", () -> driver.restart(machine));
    }

    @Override
    public void kill(MachineRef machine) {
        timed("kill", () -> driver.kill(machine));
    }

    @Override
    public void remove(MachineRef machine) {
        timed("remove", () -> driver.remove(machine));
    }

    @Override
    public HostState state(MachineRef machine) {
        return timed("state", () -> driver.state(machine));
    }

    @Override
    public List<String> addresses(MachineRef machine) {
        return timed("addresses", () -> driver.addresses(machine));
    }

    @Override
    public Optional<SshTarget> sshTarget(MachineRef machine) {
        return timed("ssh-target", () -> driver.sshTarget(machine));
    }

    private void timed(String operation, Runnable call) {
        timed(operation, () -> {
            call.run();
            return null;
        });
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long started = System.nanoTime();
        var outcome = "failure";
        try {
            var result = call.get();
            outcome = "success";
            return result;
        } finally {
            Timer.builder(METER)
                    .description("Driver calls by driver, operation and outcome")
                    .tags("driver", driver.name(), "operation", operation, "outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
