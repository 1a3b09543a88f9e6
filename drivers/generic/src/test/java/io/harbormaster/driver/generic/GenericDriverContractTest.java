package io.harbormaster.driver.generic;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.driver.HostShell;
import io.harbormaster.driver.MachineDriver;
import io.harbormaster.driver.SshTarget;
import io.harbormaster.testing.driver.DriverContract;
import io.harbormaster.testing.driver.StubDriverContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/**
 * The driver contract for the generic driver, without a real host: a local socket stands for the SSH port, and the
 * SSH sessions (restart reboots over SSH) are a recorder that answers a new boot on every session, so a reboot is
 * seen at the first look after it. The real reboot on a test host is in the standalone tests.
 */
class GenericDriverContractTest extends DriverContract {

    private final ServerSocket sshPort = open();
    private final AtomicInteger sessions = new AtomicInteger();
    private final GenericDriver driver = new GenericDriver();

    GenericDriverContractTest() {
        driver.initialize(new StubDriverContext(this::session, Clock.systemUTC()));
    }

    @AfterEach
    void closePort() throws IOException {
        sshPort.close();
    }

    @Override
    protected MachineDriver driver() {
        return driver;
    }

    @Override
    protected DriverOptions reachableOptions() {
        return new DriverOptions(Map.of("ip-address", "127.0.0.1", "ssh-port", String.valueOf(sshPort.getLocalPort())));
    }

    @Override
    protected DriverOptions unreachableOptions() {
        return new DriverOptions(Map.of("ip-address", "127.0.0.1", "ssh-port", String.valueOf(closedPort())));
    }

    @Override
    protected MachineState unreachableState() {
        return MachineState.Error;
    }

    @Override
    protected String reachableAddress() {
        return "127.0.0.1";
    }

    @Override
    protected BadOption badOption() {
        return new BadOption(new DriverOptions(Map.of("ip-address", "127.0.0.1", "ssh-port", "twenty-two")),
                "ssh-port");
    }

    private HostShell session(MachineId machine, SshTarget target) {
        return new BootRecorder("boot-" + sessions.incrementAndGet() + "\n1");
    }

    private static ServerSocket open() {
        try {
            return new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A session on a host that has booted {@code boot}; every command but the boot query succeeds silently. */
    private record BootRecorder(String boot) implements HostShell {

        @Override
        public Result run(String command, Duration timeout) {
            return command.startsWith("cat /proc/sys/kernel/random/boot_id")
                    ? new Result(0, boot + "\n", "") : new Result(0, "", "");
        }

        @Override
        public void upload(String path, byte[] content, int mode) {
            throw new UnsupportedOperationException("the generic driver uploads nothing itself");
        }

        @Override
        public Optional<String> read(String path) {
            return Optional.empty();
        }

        @Override
        public String hostKeyType() {
            return "ssh-ed25519";
        }

        @Override
        public String hostKeyFingerprint() {
            return "SHA256:recorder";
        }

        @Override
        public boolean pinnedNow() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
