package io.harbormaster.command.driver;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.driver.ForwardingMachineDriver;
import io.harbormaster.driver.MachineDriver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * Times every call that reaches a host or a cloud ({@code harbormaster.driver.calls}, tagged with the driver, the
 * operation and {@code success} or {@code failure}), so operators see slow and failing drivers per operation. The
 * checks that never leave the process (name, capabilities, option validation) are not timed.
 */
final class MeteredMachineDriver extends ForwardingMachineDriver {

    static final String METER = "harbormaster.driver.calls";

    private final MeterRegistry meters;

    MeteredMachineDriver(MachineDriver driver, MeterRegistry meters) {
        super(driver);
        this.meters = meters;
    }

    @Override
    protected <T> T around(String operation, DriverOptions options, String dockerUrl, Supplier<T> call) {
        return timed(operation, call);
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
                    .tags("driver", name(), "operation", operation, "outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
