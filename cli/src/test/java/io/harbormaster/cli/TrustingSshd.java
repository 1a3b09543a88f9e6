package io.harbormaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on 127.0.0.1 standing in for a machine's host: it accepts only certificates of its own user CA
 * (made by {@code ssh-keygen}, which also signs them, as the platform would) for the user the tests run as, and no
 * plain keys. Runs in the foreground ({@code sshd -D -e}) in its own folder.
 */
final class TrustingSshd implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final String USER = System.getProperty("user.name");

    private final Path folder;
    private final int port;
    private final Process process;

    private TrustingSshd(Path folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    static boolean available() {
        try {
            Files.createDirectories(Path.of("/run/sshd"));
        } catch (IOException e) {
            return false;
        }
        return Files.isExecutable(SSHD) && Files.isExecutable(Path.of("/usr/bin/ssh"))
                && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
    }

    static TrustingSshd start(Path parent) {
        try {
            var folder = Files.createTempDirectory(parent, "sshd-");
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", folder.resolve("host_key").toString());
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "user-ca", "-f", folder.resolve("ca").toString());
            int port;
            try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            var config = Files.writeString(folder.resolve("sshd_config"), String.join("\n",
                    "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + folder.resolve("host_key"),
                    "TrustedUserCAKeys " + folder.resolve("ca.pub"), "AuthorizedKeysFile none",
                    "PidFile " + folder.resolve("sshd.pid"), "StrictModes no", "UsePAM no",
                    "PermitRootLogin prohibit-password", "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no", "LogLevel VERBOSE",
                    "Subsystem sftp /usr/lib/openssh/sftp-server", ""));
            var process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("sshd.log").toFile()).start();
            process.getOutputStream().close();
            var sshd = new TrustingSshd(folder, port, process);
            sshd.awaitBanner();
            return sshd;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** The host key's {@code SHA256:} fingerprint, as Harbormaster would have pinned it. */
    String hostKeyFingerprint() {
        return run("ssh-keygen", "-lf", folder.resolve("host_key.pub").toString()).split("\\s+")[1];
    }

    /** {@code publicKey} signed by this server's CA for the user the tests run as, valid from 2 min ago for 5. */
    String certify(String publicKey, String keyId) {
        try {
            var key = Files.createTempFile(folder, "user", ".pub");
            Files.writeString(key, publicKey + "\n");
            run("ssh-keygen", "-q", "-s", folder.resolve("ca").toString(), "-I", keyId, "-n", USER, "-V", "-2m:+5m",
                    key.toString());
            return Files.readString(Path.of(key.toString().replaceFirst("\\.pub$", "-cert.pub"))).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String log() {
        try {
            return Files.readString(folder.resolve("sshd.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitBanner() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                socket.setSoTimeout(2000);
                if (new String(socket.getInputStream().readNBytes(7), StandardCharsets.US_ASCII).equals("SSH-2.0")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("sshd did not answer on port " + port + ": " + log());
    }

    /** Runs a program to its end and answers its standard output; fails the test when it fails. */
    static String run(String... command) {
        try {
            var process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            process.getOutputStream().close();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("%s: %s", List.of(command), output).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
