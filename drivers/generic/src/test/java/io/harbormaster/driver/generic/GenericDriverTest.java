package io.harbormaster.driver.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.HostState;
import io.harbormaster.driver.InvalidDriverOptionsException;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.driver.MachineSpec;
import io.harbormaster.driver.SshTarget;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker-machine's generic flags and semantics, without a host: options, capabilities, state by SSH reachability. */
class GenericDriverTest {

    private final GenericDriver driver = new GenericDriver();

    private static DriverOptions options(Map<String, String> values) {
        return new DriverOptions(values);
    }

    @Test
    void theFlagsHaveDockerMachinesDefaults() {
        var ref = new MachineRef(MachineId.random(), MachineName.of("web-1"), options(Map.of("ip-address", "127.0.0.1")), null);

        assertThat(driver.sshTarget(ref)).contains(new SshTarget("127.0.0.1", 22, "root"));
        assertThat(driver.create(new MachineSpec(MachineId.random(), TeamId.random(), MachineName.of("web-1"),
                options(Map.of("ip-address", "127.0.0.1", "engine-port", "2400")))))
                .isEqualTo(new CreateResult.Created("tcp://127.0.0.1:2400"));
        assertThat(driver.provisions()).isTrue();
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> driver.validate(options(Map.of())))
                .isInstanceOf(InvalidDriverOptionsException.class).hasMessageContaining("ip-address");
        assertThatThrownBy(() -> driver.validate(options(Map.of("ip-address", "10.213.0.5", "ssh-port", "70000"))))
                .isInstanceOf(InvalidDriverOptionsException.class).hasMessageContaining("ssh-port");
        assertThatThrownBy(() -> driver.validate(options(Map.of("ip-address", "10.213.0.5", "ssh-user", "Root; rm"))))
                .isInstanceOf(InvalidDriverOptionsException.class).hasMessageContaining("ssh-user");
        assertThatThrownBy(() -> driver.validate(options(Map.of("ip-address", "10.213.0.5", "ssh-key", "/home/k"))))
                .isInstanceOf(InvalidDriverOptionsException.class).hasMessageContaining("sshKey");
        assertThatThrownBy(() -> driver.validate(options(Map.of("ip-address", "10.213.0.5", "colour", "red"))))
                .isInstanceOf(InvalidDriverOptionsException.class).hasMessageContaining("no option 'colour'");
    }

    @Test
    void startStopAndKillAreRefusedWithTheReason_restartIsSupported() {
        var ref = new MachineRef(MachineId.random(), MachineName.of("web-1"), options(Map.of("ip-address", "127.0.0.1")), null);

        assertThat(driver.capabilities().supports(LifecycleOperation.RESTART)).isTrue();
        for (var refused : new Runnable[] {() -> driver.start(ref), () -> driver.stop(ref), () -> driver.kill(ref)}) {
            assertThatThrownBy(refused::run).isInstanceOf(DriverException.class)
                    .hasMessageContaining("over SSH only");
        }
    }

    @Test
    void theStateIsWhetherTheSshPortAnswersAndNamesItWhenItDoesNot() throws Exception {
        try (var ssh = new ServerSocket(0)) {
            var open = new MachineRef(MachineId.random(), MachineName.of("web-1"),
                    options(Map.of("ip-address", "127.0.0.1", "ssh-port", String.valueOf(ssh.getLocalPort()))), null);
            assertThat(driver.state(open)).isEqualTo(new HostState(MachineState.Running, null));
        }
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var closed = new MachineRef(MachineId.random(), MachineName.of("web-1"),
                options(Map.of("ip-address", "127.0.0.1", "ssh-port", String.valueOf(closedPort))), null);
        // Error with where it looked, never Stopped: a host that does not answer may have crashed
        assertThat(driver.state(closed)).isEqualTo(new HostState(MachineState.Error,
                "host 127.0.0.1:" + closedPort + " unreachable"));
    }

    @Test
    void aNameIsResolvedToTheAddressItHasNow() {
        var ref = new MachineRef(MachineId.random(), MachineName.of("web-1"), options(Map.of("ip-address", "localhost")), null);

        assertThat(driver.addresses(ref)).containsExactly("127.0.0.1");
        var unknown = new MachineRef(MachineId.random(), MachineName.of("web-1"),
                options(Map.of("ip-address", "no-such-host.invalid")), null);
        assertThatThrownBy(() -> driver.addresses(unknown)).isInstanceOf(DriverException.class)
                .hasMessageContaining("does not resolve");
    }
}
