package io.harbormaster.command.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.driver.none.NoneDriver;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverRegistryTest {

    @Test
    void theNoneDriverIsFoundThroughServiceLoader() {
        var registry = DriverRegistry.discover();
        assertThat(registry.names()).contains(NoneDriver.NAME);
        assertThat(registry.get(NoneDriver.NAME)).isInstanceOf(NoneDriver.class);
        assertThat(registry.capabilities(NoneDriver.NAME).supports(LifecycleOperation.KILL)).isFalse();
    }

    @Test
    void thePlatformInstallsTheThreeDrivers() {
        assertThat(DriverRegistry.discover().names()).contains("none", "generic", "amazonec2");
    }

    @Test
    void anUnknownDriverIsRefusedListingTheKnownOnesInOrder() {
        var registry = new DriverRegistry(List.of(new NoneDriver(), new FakeDriver()));
        assertThatThrownBy(() -> registry.get("virtualbox"))
                .isInstanceOf(UnknownDriverException.class)
                .hasMessage("Driver \"virtualbox\" not found. Known drivers: fake, none");
    }

    @Test
    void twoDriversWithOneNameAreAConfigurationError() {
        assertThatThrownBy(() -> new DriverRegistry(List.of(new FakeDriver(), new FakeDriver())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two drivers are named 'fake'");
    }
}
