package io.harbormaster.command.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.MachineRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Driver calls are timed by driver, operation and outcome, and a failure still reaches the caller unchanged. */
class MeteredMachineDriverTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FakeDriver fake = new FakeDriver();
    private final MeteredMachineDriver driver = new MeteredMachineDriver(fake, meters);
    private final MachineRef web = new MachineRef(MachineId.random(), MachineName.of("web-1"), DriverOptions.none(),
            "tcp://192.0.2.10:2376");

    @Test
    void countsSuccessesAndFailuresPerOperation() {
        driver.start(web);
        driver.start(web);
        fake.failingWith(new DriverException("host gone"));
        assertThatThrownBy(() -> driver.stop(web)).isInstanceOf(DriverException.class).hasMessage("host gone");

        assertThat(count("start", "success")).isEqualTo(2);
        assertThat(count("stop", "failure")).isEqualTo(1);
        assertThat(meters.find(MeteredMachineDriver.METER).tag("operation", "stop").tag("outcome", "success").timer())
                .isNull();
        assertThat(fake.calls()).containsExactly("start web-1", "start web-1", "stop web-1");
    }

    @Test
    void checksThatStayInTheProcessAreNotTimed() {
        driver.validate(DriverOptions.none());
        assertThat(driver.name()).isEqualTo(FakeDriver.NAME);
        assertThat(meters.getMeters()).isEmpty();
    }

    private long count(String operation, String outcome) {
        return meters.get(MeteredMachineDriver.METER).tag("driver", FakeDriver.NAME).tag("operation", operation)
                .tag("outcome", outcome).timer().count();
    }
}
