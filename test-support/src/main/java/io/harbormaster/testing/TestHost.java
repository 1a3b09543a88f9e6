package io.harbormaster.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One running test host, started by {@link TestHosts#up}. Closing it is {@link #down()}, so a try-with-resources
 * block or an {@code @AfterAll} leaves nothing behind.
 *
 * <p>{@code reboot} inside the host (or {@code shutdown -r}) ends every process in it and boots it again with the
 * same name, address, host keys and files; Docker Engine starts at boot once enabled in the host
 * ({@code update-rc.d docker defaults; update-rc.d docker enable}). Each boot has a PID 1 of its own, so
 * {@link #currentPid()} tells boots apart.
 */
public final class TestHost implements AutoCloseable {

    private final TestHostsScript script;
    private final String name;
    private final long pid;
    private volatile String ip;

    TestHost(TestHostsScript script, String name, String ip, long pid) {
        this.script = script;
        this.name = name;
        this.ip = ip;
        this.pid = pid;
    }

    /** The host's name, which is also its hostname. */
    public String name() {
        return name;
    }

    /** The host's current address. */
    public String ip() {
        return ip;
    }

    /**
     * The host's PID 1 as seen from this machine when {@link TestHosts#up} returned; a reboot or a
     * {@link #powerCycle()} replaces it (see {@link #currentPid()}).
     */
    public long pid() {
        return pid;
    }

    /**
     * The PID 1 of the host's current boot as seen from this machine, or empty while the host is between two boots
     * or powered off. It differs from one boot to the next.
     */
    public OptionalLong currentPid() {
        var fields = script.runOrThrow("status", name).strip().split(" ");
        return fields.length == 5 && fields[3].equals("pid")
                ? OptionalLong.of(Long.parseLong(fields[4]))
                : OptionalLong.empty();
    }

    /**
     * Waits until the host runs a boot other than the one whose PID 1 was {@code previousPid} and its sshd accepts
     * TCP connections, and returns the new boot's PID 1; fails after {@code timeout}.
     */
    public long awaitReboot(long previousPid, Duration timeout) throws InterruptedException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var current = currentPid();
            if (current.isPresent() && current.getAsLong() != previousPid && sshdAccepts()) {
                return current.getAsLong();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("host " + name + " did not boot again within " + timeout + " (PID 1 was "
                + previousPid + ", now " + currentPid() + ")");
    }

    /**
     * Turns the host off and on again: every process ends, files and host keys stay, and the boot is like one after
     * a reboot (Docker Engine starts if enabled). Returns once sshd accepts connections, with the new boot's PID 1.
     */
    public long powerCycle() {
        powerOff();
        return powerOn();
    }

    /** Turns the host off and leaves it off: its address stops answering; files and host keys stay. */
    public void powerOff() {
        script.runOrThrow("down", name);
    }

    /** Boots a host that was turned off, as after {@link #powerOff}; returns the boot's PID 1 once sshd answers. */
    public long powerOn() {
        var fields = script.runOrThrow("up", name, ip).strip().split(" ");
        return Long.parseLong(fields[fields.length - 1]);
    }

    /**
     * Boots a host that was turned off at another address, as a cloud instance without a fixed address comes back
     * from a stop; returns the boot's PID 1 once sshd answers there.
     */
    public long powerOn(String newIp) {
        var fields = script.runOrThrow("up", name, newIp).strip().split(" ");
        ip = newIp;
        return Long.parseLong(fields[fields.length - 1]);
    }

    /** Moves the host to {@code newIp} without stopping anything inside it, as a cloud provider's IP change would. */
    public void setIp(String newIp) {
        script.runOrThrow("set-ip", name, newIp);
        ip = newIp;
    }

    /** Runs a command inside the host as root (in /root, with a clean environment) and returns how it ended. */
    public CommandResult exec(String... command) {
        return execWithInput(null, command);
    }

    /** Like {@link #exec}, with the content of {@code stdin} as the command's standard input. */
    public CommandResult execWithInput(Path stdin, String... command) {
        var arguments = new ArrayList<>(List.of("exec", name, "--"));
        arguments.addAll(List.of(command));
        return script.run(stdin, arguments.toArray(String[]::new));
    }

    /**
     * Memory of every process in the host (containers included) as proportional set size in MiB: pages shared with
     * other hosts, such as dockerd's code, count only in part.
     */
    public long memoryMiB() {
        return script.runOrThrow("list").lines()
                .map(line -> line.split(" "))
                .filter(fields -> fields.length >= 7 && fields[1].equals(name) && fields[5].equals("mem"))
                .mapToLong(fields -> Long.parseLong(fields[6]))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("host " + name + " is not running"));
    }

    private boolean sshdAccepts() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(ip, 22), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the host and removes its network namespace, interfaces and disk state. */
    public void down() {
        script.runOrThrow("down", name, "--purge");
    }

    @Override
    public void close() {
        down();
    }

    @Override
    public String toString() {
        return "TestHost[" + name + " " + ip + " pid " + pid + "]";
    }
}
