package io.harbormaster.driver.generic;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.DriverCapabilities;
import io.harbormaster.driver.DriverContext;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.DriverOption;
import io.harbormaster.driver.HostState;
import io.harbormaster.driver.MachineDriver;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.driver.MachineSpec;
import io.harbormaster.driver.SshTarget;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * An existing host that Harbormaster reaches over SSH and provisions, like docker-machine's generic driver. The host
 * is not Harbormaster's to power on or off: start, stop and kill are refused; restart reboots it over SSH. Its state is
 * whether its SSH port answers (Error naming the address and port when it does not). {@code ip-address} may be a DNS name; its current address is what the reconciler
 * follows when the host's IP changes.
 */
public final class GenericDriver implements MachineDriver {

    public static final String NAME = "generic";
    private static final int PROBE_TIMEOUT_MILLIS = 2_000;
    private static final DriverCapabilities CAPABILITIES = new DriverCapabilities(
            EnumSet.of(LifecycleOperation.RESTART),
            "Harbormaster reaches that host over SSH only. Power it on or off where it runs; Harbormaster then sees "
                    + "its state. Restart reboots it over SSH.");

    private DriverContext context;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void initialize(DriverContext context) {
        this.context = context;
    }

    @Override
    public boolean provisions() {
        return true;
    }

    @Override
    public List<DriverOption> options() {
        return GenericOptions.DESCRIBED;
    }

    @Override
    public void validate(DriverOptions options) {
        GenericOptions.from(options);
    }

    /** The host exists already: the daemon will listen on its current address once provisioned. */
    @Override
    public CreateResult create(MachineSpec spec) {
        try {
            var options = GenericOptions.from(spec.options());
            return new CreateResult.Created("tcp://" + bracketed(currentAddress(options.address())) + ":"
                    + options.enginePort());
        } catch (DriverException e) {
            return new CreateResult.Failed(e.getMessage());
        }
    }

    @Override
    public void start(MachineRef machine) {
        throw new DriverException(CAPABILITIES.refusal(NAME, LifecycleOperation.START));
    }

    @Override
    public void stop(MachineRef machine) {
        throw new DriverException(CAPABILITIES.refusal(NAME, LifecycleOperation.STOP));
    }

    @Override
    public void kill(MachineRef machine) {
        throw new DriverException(CAPABILITIES.refusal(NAME, LifecycleOperation.KILL));
    }

    /**
     * Reboots the host over SSH and waits until it answers with a new boot, so a restart that did not happen, or a
     * host that does not come back, is reported instead of recorded as done.
     */
    @Override
    public void restart(MachineRef machine) {
        new HostReboot(context()).reboot(machine.machineId(), () -> sshTarget(machine).orElseThrow());
    }

    /** The host is not Harbormaster's: removing the machine leaves it as it is. */
    @Override
    public void remove(MachineRef machine) {
        // Deliberately empty, as docker-machine's generic driver does.
    }

    /**
     * Running while the SSH port accepts a connection within two seconds. Otherwise Error, not Stopped: Harbormaster
     * cannot tell a host that was powered off from one that crashed or lost its network, and users depend on it
     * either way.
     */
    @Override
    public HostState state(MachineRef machine) {
        var options = GenericOptions.from(machine.options());
        String address;
        try {
            address = currentAddress(options.address());
        } catch (DriverException e) {
            return HostState.unreachable(e.getMessage());
        }
        var where = "host " + bracketed(address) + ":" + options.sshPort();
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, options.sshPort()), PROBE_TIMEOUT_MILLIS);
            return HostState.of(MachineState.Running);
        } catch (IOException e) {
            return HostState.unreachable(where + " unreachable");
        }
    }

    /** The host's current address: the IP given, or what its DNS name resolves to now. */
    @Override
    public List<String> addresses(MachineRef machine) {
        return List.of(currentAddress(GenericOptions.from(machine.options()).address()));
    }

    @Override
    public Optional<SshTarget> sshTarget(MachineRef machine) {
        var options = GenericOptions.from(machine.options());
        return Optional.of(new SshTarget(currentAddress(options.address()), options.sshPort(), options.sshUser()));
    }

    private DriverContext context() {
        if (context == null) {
            throw new DriverException("The generic driver has no SSH access configured in this process.");
        }
        return context;
    }

    /** An IP stays as it is; a name is resolved now (IPv4 first), so an address change is seen. */
    static String currentAddress(String address) {
        try {
            var all = InetAddress.getAllByName(address);
            return Arrays.stream(all).min(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1))
                    .orElseThrow().getHostAddress();
        } catch (UnknownHostException e) {
            throw new DriverException("The host name '" + address + "' does not resolve. Check the machine's "
                    + "ip-address and the platform's DNS.");
        }
    }

    private static String bracketed(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
