package io.harbormaster.command.ssh;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.driver.SshTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on 127.0.0.1 for one test: its own folder, host key, {@code authorized_keys} and
 * {@code sshd_config}, running in the foreground ({@code sshd -D -e}) as the user the tests run as.
 */
final class LocalSshd implements AutoCloseable {

    private final Path folder;
    private final int port;
    private final Process process;

    private LocalSshd(Path folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    /** Skips the calling test, saying why, when this machine cannot run sshd. */
    static void assumeAvailable() {
        assumeTrue(Files.isExecutable(Programs.SSHD), "/usr/sbin/sshd is not installed (apt-get install -y "
                + "openssh-server openssh-client): the tests against a real SSH server are skipped");
        assumeTrue(Programs.sshKeygenInstalled(), "ssh-keygen is not installed: the SSH tests are skipped");
        var privsep = Path.of("/run/sshd");
        try {
            Files.createDirectories(privsep);
        } catch (IOException e) {
            // Checked below.
        }
        assumeTrue(Files.isDirectory(privsep), "sshd needs its privilege separation folder /run/sshd, which "
                + "cannot be made here: the tests against a real SSH server are skipped");
    }

    /** A new server on a free port with a new Ed25519 host key, in a new folder under {@code parent}. */
    static LocalSshd start(Path parent) {
        return start(parent, freePort());
    }

    /**
     * A new server on {@code port} with new host keys of the given ssh-keygen types ({@code ed25519} when none are
     * given), in a new folder under {@code parent}.
     */
    static LocalSshd start(Path parent, int port, String... hostKeyTypes) {
        return start(parent, port, java.util.List.of(), hostKeyTypes);
    }

    /**
     * A new server on a free port with a new Ed25519 host key and {@code extraConfig} appended to its
     * {@code sshd_config} (for keywords the base configuration does not set), in a new folder under {@code parent}.
     */
    static LocalSshd startWith(Path parent, java.util.List<String> extraConfig) {
        return start(parent, freePort(), extraConfig);
    }

    private static LocalSshd start(Path parent, int port, java.util.List<String> extraConfig, String... hostKeyTypes) {
        var types = hostKeyTypes.length == 0 ? new String[] {"ed25519"} : hostKeyTypes;
        try {
            var folder = Files.createTempDirectory(parent, "sshd-");
            var hostKeys = new StringBuilder();
            for (var type : types) {
                var file = Programs.keygen(folder, "host_" + type + "_key", "-t", type);
                hostKeys.append("HostKey ").append(file).append('\n');
            }
            Files.writeString(folder.resolve("authorized_keys"), "");
            var config = folder.resolve("sshd_config");
            Files.writeString(config, hostKeys + String.join("\n",
                    "Port " + port,
                    "ListenAddress 127.0.0.1",
                    "AuthorizedKeysFile " + folder.resolve("authorized_keys"),
                    "PidFile " + folder.resolve("sshd.pid"),
                    "StrictModes no",
                    "UsePAM no",
                    "PermitRootLogin prohibit-password",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "Subsystem sftp /usr/lib/openssh/sftp-server",
                    "") + String.join("", extraConfig.stream().map(line -> line + "\n").toList()));
            var process = new ProcessBuilder(Programs.SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("sshd.log").toFile())
                    .start();
            process.getOutputStream().close();
            var sshd = new LocalSshd(folder, port, process);
            sshd.awaitBanner(Duration.ofSeconds(10));
            return sshd;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** This server as a target: 127.0.0.1, its port, and the user the tests run as. */
    SshTarget target() {
        return new SshTarget("127.0.0.1", port, System.getProperty("user.name"));
    }

    /** Adds a public key ({@code authorized_keys} line) that may log in. */
    void authorize(String publicKeyLine) {
        try {
            Files.writeString(folder.resolve("authorized_keys"), publicKeyLine.strip() + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Ed25519 host key's fingerprint as {@code ssh-keygen -lf} prints it. */
    String hostKeyFingerprint() {
        return hostKeyFingerprint("ed25519");
    }

    /** The fingerprint of the host key of ssh-keygen type {@code type}, as {@code ssh-keygen -lf} prints it. */
    String hostKeyFingerprint(String type) {
        return Programs.fingerprint(folder.resolve("host_" + type + "_key.pub"));
    }

    /** This server's own folder, for files its configuration names. */
    Path folder() {
        return folder;
    }

    String log() {
        return Programs.read(folder.resolve("sshd.log"));
    }

    private void awaitBanner(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd ended at start: " + log());
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                socket.setSoTimeout(2000);
                var banner = new String(socket.getInputStream().readNBytes(7), StandardCharsets.US_ASCII);
                if (banner.equals("SSH-2.0")) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("sshd did not answer on port " + port + " within " + limit + ": " + log());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
