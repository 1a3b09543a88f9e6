package io.harbormaster.driver.none;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.driver.MachineDriver;
import io.harbormaster.testing.driver.DriverContract;
import io.harbormaster.testing.driver.StubDriverContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The driver contract for the none driver; a local socket stands for the existing Docker daemon. */
class NoneDriverContractTest extends DriverContract {

    private final ServerSocket daemon = open();
    private final NoneDriver driver = new NoneDriver();

    NoneDriverContractTest() {
        driver.initialize(StubDriverContext.withoutSsh());
    }

    @AfterEach
    void closeDaemon() throws IOException {
        daemon.close();
    }

    @Override
    protected MachineDriver driver() {
        return driver;
    }

    @Override
    protected DriverOptions reachableOptions() {
        return new DriverOptions(Map.of("url", "tcp://127.0.0.1:" + daemon.getLocalPort()));
    }

    @Override
    protected DriverOptions unreachableOptions() {
        try (var socket = new ServerSocket(0)) {
            return new DriverOptions(Map.of("url", "tcp://127.0.0.1:" + socket.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return new BadOption(new DriverOptions(Map.of("url", "http://10.0.0.5:2376")), "url");
    }

    private static ServerSocket open() {
        try {
            return new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
