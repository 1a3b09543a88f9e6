package io.harbormaster.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One running test host, started by {@link TestHosts#up}. Closing it is {@link #down()}, so a try-with-resources
 * block or an {@code @AfterAll} leaves nothing behind.
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

    /** The host's PID 1 as seen from this machine; killing it ends the host. */
    public long pid() {
        return pid;
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
