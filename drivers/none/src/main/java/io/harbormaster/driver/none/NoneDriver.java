package io.harbormaster.driver.none;

import io.harbormaster.driver.DriverOption;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.DriverCapabilities;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.HostState;
import io.harbormaster.driver.InvalidDriverOptionsException;
import io.harbormaster.driver.MachineDriver;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.driver.MachineSpec;
import io.harbormaster.driver.SshTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * A machine that is an existing Docker daemon, given as the driver option {@code url} ({@code tcp://host:port}), like
 * docker-machine's {@code --driver none --url}. Creating it provisions nothing: the URL is the machine.
 *
 * <p>Harbormaster does not control that host. <b>Start and stop only put the machine in and take it out of service in
 * Harbormaster; the daemon itself is not touched.</b> Restart and kill would have to act on the host, so this driver
 * does not support them and such commands are refused before anything is recorded. Removing the machine removes it
 * from Harbormaster only. {@link #state} tells whether the daemon's port answers, nothing more; the capabilities say
 * that stop leaves the daemon running, so the reconciler leaves a machine a user stopped Stopped.
 */
public final class NoneDriver implements MachineDriver {

    public static final String NAME = "none";

    private static final int PROBE_TIMEOUT_MILLIS = 2_000;
    private static final DriverCapabilities CAPABILITIES = new DriverCapabilities(
            EnumSet.of(LifecycleOperation.START, LifecycleOperation.STOP),
            "Harbormaster does not control that host. Use a generic or amazonec2 machine for that.", true);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<DriverOption> options() {
        return List.of(new DriverOption("url", "Docker URL", "Where the Docker daemon listens, as tcp://host:port "
                + "(for example tcp://10.0.0.5:2376).", true, null, DriverOption.Kind.URL));
    }

    @Override
    public void validate(DriverOptions options) {
        DaemonUrl.from(options);
    }

    @Override
    public CreateResult create(MachineSpec spec) {
        try {
            return new CreateResult.Created(DaemonUrl.from(spec.options()).toString());
        } catch (InvalidDriverOptionsException e) {
            return new CreateResult.Failed(e.getMessage());
        }
    }

    /** Puts the machine back in service in Harbormaster; the daemon is not touched. */
    @Override
    public void start(MachineRef machine) {
        DaemonUrl.from(machine.options());
    }

    /** Takes the machine out of service in Harbormaster; the daemon keeps running. */
    @Override
    public void stop(MachineRef machine) {
        DaemonUrl.from(machine.options());
    }

    @Override
    public void restart(MachineRef machine) {
        throw new DriverException(CAPABILITIES.refusal(NAME, LifecycleOperation.RESTART));
    }

    @Override
    public void kill(MachineRef machine) {
        throw new DriverException(CAPABILITIES.refusal(NAME, LifecycleOperation.KILL));
    }

    /** Nothing was made for the machine, so there is nothing to remove. */
    @Override
    public void remove(MachineRef machine) {
        // Deliberately empty: the daemon belongs to someone else and stays as it is.
    }

    /** Running when the daemon's port accepts a connection within two seconds, otherwise Error naming the URL. */
    @Override
    public HostState state(MachineRef machine) {
        var url = DaemonUrl.from(machine.options());
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.host(), url.port()), PROBE_TIMEOUT_MILLIS);
            return HostState.of(MachineState.Running);
        } catch (IOException e) {
            return HostState.unreachable("Docker daemon not answering on " + url);
        }
    }

    @Override
    public List<String> addresses(MachineRef machine) {
        return List.of(DaemonUrl.from(machine.options()).host());
    }

    @Override
    public Optional<SshTarget> sshTarget(MachineRef machine) {
        return Optional.empty();
    }
}
