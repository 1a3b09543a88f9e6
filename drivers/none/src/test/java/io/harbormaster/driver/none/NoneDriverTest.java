package io.harbormaster.driver.none;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NoneDriverTest {

    private final NoneDriver driver = new NoneDriver();

    @ParameterizedTest(name = "{0} is accepted")
    @ValueSource(strings = {"tcp://10.0.0.5:2376", "tcp://docker.example.com:2375", "TCP://host:1",
            "tcp://host:65535", "tcp://[2001:db8::1]:2376", "tcp://10.0.0.5:2376/", " tcp://10.0.0.5:2376 "})
    void aTcpUrlWithHostAndPortIsAccepted(String url) {
        assertThatCode(() -> driver.validate(url(url))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://10.0.0.5:2376          | must use the tcp scheme
            unix:///var/run/docker.sock   | must use the tcp scheme
            10.0.0.5:2376                 | must use the tcp scheme
            tcp://10.0.0.5                | must give the daemon's port
            tcp://:2376                   | must name a host
            tcp://bad_host:2376           | must name a host
            tcp://10.0.0.5:0              | port must be between 1 and 65535; got 0
            tcp://10.0.0.5:65536          | port must be between 1 and 65535; got 65536
            tcp://10.0.0.5:2376/v1.41     | must be just tcp://host:port
            tcp://user@10.0.0.5:2376      | must be just tcp://host:port
            tcp://10.0.0.5:2376?tls=1     | must be just tcp://host:port
            tcp://10.0.0.5:23 76          | is not a valid URL
            """)
    void aBadUrlIsRefusedWithAMessageNamingTheOption(String url, String problem) {
        assertThatThrownBy(() -> driver.validate(url(url)))
                .isInstanceOf(InvalidDriverOptionsException.class)
                .hasMessageStartingWith("Invalid option 'url' for the none driver: ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((InvalidDriverOptionsException) e).option()).isEqualTo("url"));
    }

    @Test
    void aMissingUrlIsRefusedShowingAnExample() {
        assertThatThrownBy(() -> driver.validate(DriverOptions.none()))
                .isInstanceOf(InvalidDriverOptionsException.class)
                .hasMessage("The none driver needs the option 'url': the URL of an existing Docker daemon, like "
                        + "tcp://10.0.0.5:2376");
    }

    @Test
    void anUnknownOptionIsRefusedByName() {
        var options = new HashMap<String, String>(Map.of("url", "tcp://10.0.0.5:2376", "ssh-user", "root"));
        assertThatThrownBy(() -> driver.validate(new DriverOptions(options)))
                .isInstanceOf(InvalidDriverOptionsException.class)
                .hasMessageContaining("has no option 'ssh-user'");
    }

    @Test
    void createProvisionsNothingAndAnswersTheUrl() {
        var spec = new MachineSpec(MachineId.random(), TeamId.random(), MachineName.of("ext-1"),
                url("tcp://Docker.Example.com:2376"));
        assertThat(driver.create(spec)).isEqualTo(new CreateResult.Created("tcp://Docker.Example.com:2376"));
    }

    @Test
    void startAndStopOnlyChangeServiceInHarbormasterWhileRestartAndKillAreNotSupported() {
        assertThat(driver.capabilities().supported())
                .containsExactlyInAnyOrder(LifecycleOperation.START, LifecycleOperation.STOP);
        var machine = ref("tcp://10.0.0.5:2376");
        assertThatCode(() -> {
            driver.start(machine);
            driver.stop(machine);
            driver.remove(machine);
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> driver.kill(machine)).isInstanceOf(DriverException.class)
                .hasMessage("The none driver cannot kill a machine: Harbormaster does not control that host. "
                        + "Use a generic or amazonec2 machine for that.");
    }

    @Test
    void addressesAreTheUrlsHostAndThereIsNoSsh() {
        assertThat(driver.addresses(ref("tcp://[2001:db8::1]:2376"))).containsExactly("2001:db8::1");
        assertThat(driver.sshTarget(ref("tcp://10.0.0.5:2376"))).isEmpty();
    }

    @Test
    void stateIsRunningWhileTheDaemonPortAnswersAndErrorOnceItDoesNot() throws IOException {
        int port;
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            assertThat(driver.state(ref("tcp://127.0.0.1:" + port))).isEqualTo(HostState.of(MachineState.Running));
        }
        assertThat(driver.state(ref("tcp://127.0.0.1:" + port))).isEqualTo(new HostState(MachineState.Error,
                "Docker daemon not answering on tcp://127.0.0.1:" + port));
    }

    @Test
    void stopLeavesTheDaemonRunningSoTheReconcilerMustLeaveAStoppedMachineStopped() {
        assertThat(driver.capabilities().stopLeavesHostRunning()).isTrue();
    }

    private static DriverOptions url(String url) {
        return new DriverOptions(Map.of("url", url));
    }

    private static MachineRef ref(String url) {
        return new MachineRef(MachineId.random(), MachineName.of("ext-1"), url(url), url);
    }
}
