package io.harbormaster.command.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.driver.FakeDriver;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.driver.MachineSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Processes never reach a refused address through a driver; removal still works. */
class GuardedDriverTest {

    private final FakeDriver driver = new FakeDriver();
    private final GuardedDriver guarded = new GuardedDriver(driver,
            AddressCheck.forNetworks(List.of("10.213.0.0/16"), List.of()));

    private static MachineRef machine(String url) {
        return new MachineRef(MachineId.random(), MachineName.of("web-1"), new DriverOptions(Map.of("url", url)), url);
    }

    @Test
    void everyCallThatMayReachTheHost_isRefusedForARefusedAddress_beforeTheDriverIsCalled() {
        var refused = machine("tcp://192.0.2.1:2376");
        assertThatThrownBy(() -> guarded.start(refused)).isInstanceOf(DriverException.class)
                .hasMessageContaining("192.0.2.1 is in none of the allowed networks [10.213.0.0/16]");
        assertThatThrownBy(() -> guarded.stop(refused)).isInstanceOf(DriverException.class);
        assertThatThrownBy(() -> guarded.state(refused)).isInstanceOf(DriverException.class);
        assertThatThrownBy(() -> guarded.sshTarget(refused)).isInstanceOf(DriverException.class);
        assertThatThrownBy(() -> guarded.create(new MachineSpec(refused.machineId(), TeamId.random(),
                refused.name(), refused.options()))).isInstanceOf(DriverException.class);
        assertThat(driver.calls()).isEmpty();

        guarded.remove(refused);
        guarded.start(machine("tcp://10.213.0.10:2376"));
        assertThat(driver.calls()).containsExactly("remove web-1", "start web-1");
    }
}
