package io.harbormaster.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Real remote hosts for end-to-end tests: each has its own address on 10.213.0.0/24 (reachable from this machine
 * and from the other hosts), sshd on port 22, a root account that accepts one key, and Docker Engine installed but
 * not running, the way a fresh cloud VM would be. Needs root and the Debian packages that {@code .ci/run} installs;
 * guard tests with {@code assumeTrue(TestHosts.available(), TestHosts.unavailableReason())}.
 */
public final class TestHosts {

    private static final Pattern UP_LINE = Pattern.compile("^host (\\S+) (\\S+) pid (\\d+)$", Pattern.MULTILINE);

    private static String unavailableReason;

    private TestHosts() {
    }

    /** Whether this machine can run test hosts: the script is found, it runs as root, and its packages are installed. */
    public static synchronized boolean available() {
        if (unavailableReason == null) {
            unavailableReason = TestHostsScript.locate()
                    .map(script -> script.run(null, "check"))
                    .map(result -> result.succeeded() ? "" : result.stderr().strip())
                    .orElse("no " + TestHostsScript.RELATIVE_PATH + " above " + Path.of("").toAbsolutePath());
        }
        return unavailableReason.isEmpty();
    }

    /** Why {@link #available()} is false, for the assumption that skips a test; empty when hosts are available. */
    public static synchronized String unavailableReason() {
        available();
        return unavailableReason;
    }

    /**
     * Starts a fresh host: any earlier host or left-over state of that name is removed first, so each test run starts
     * from the same clean machine. Returns once sshd accepts connections on {@code ip}.
     *
     * @param name          1-31 lower-case letters, digits and dashes; also the host's hostname
     * @param ip            an address in 10.213.0.2 to 10.213.0.254 that no other running host uses
     * @param authorizedKey a public key file that root's {@code authorized_keys} will hold, or {@code null}
     */
    public static TestHost up(String name, String ip, Path authorizedKey) {
        return up(name, ip, authorizedKey, false);
    }

    /**
     * Like {@link #up(String, String, Path)}; with {@code withDocker} the host's Docker Engine (without TLS, on its
     * Unix socket) is started too, as on a cloud image that ships Docker, and answers when this returns.
     */
    public static TestHost up(String name, String ip, Path authorizedKey, boolean withDocker) {
        var script = script();
        script.runOrThrow("down", name, "--purge");
        var arguments = new ArrayList<>(List.of("up", name, ip));
        if (authorizedKey != null) {
            arguments.addAll(List.of("--authorized-key", authorizedKey.toString()));
        }
        if (withDocker) {
            arguments.add("--with-docker");
        }
        var output = script.runOrThrow(arguments.toArray(String[]::new));
        var line = UP_LINE.matcher(output);
        if (!line.find()) {
            throw new IllegalStateException("testhosts up printed no 'host <name> <ip> pid <pid>' line for " + name);
        }
        return new TestHost(script, line.group(1), line.group(2), Long.parseLong(line.group(3)));
    }

    /** Writes a busybox root filesystem tar into {@code dir} for {@code docker import}, and returns its path. */
    public static Path busyboxImage(Path dir) {
        var file = dir.resolve("busybox-rootfs.tar");
        script().runOrThrow("image", file.toString());
        return file;
    }

    private static TestHostsScript script() {
        if (!available()) {
            throw new IllegalStateException("Test hosts are not available here: " + unavailableReason);
        }
        return TestHostsScript.locate().orElseThrow();
    }
}
