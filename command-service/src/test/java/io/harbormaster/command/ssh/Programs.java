package io.harbormaster.command.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real OpenSSH tools the tests check our keys and sessions against. */
final class Programs {

    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private Programs() {
    }

    static boolean sshKeygenInstalled() {
        return Files.isExecutable(SSH_KEYGEN);
    }

    /** Runs {@code command} with standard input closed; returns standard output and error together; fails on non-zero. */
    static String run(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(List.of(command) + " did not finish within 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(List.of(command) + " exited with " + process.exitValue() + ": "
                        + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code SHA256:…} fingerprint {@code ssh-keygen -lf} prints for a public or private key file. */
    static String fingerprint(Path keyFile) {
        return run(SSH_KEYGEN.toString(), "-lf", keyFile.toString()).strip().split("\\s+")[1];
    }

    /** A new unencrypted key pair made by ssh-keygen, e.g. {@code keygen(dir, "id", "-t", "ed25519")}. */
    static Path keygen(Path folder, String name, String... typeOptions) {
        return keygenWithPassphrase(folder, name, "", typeOptions);
    }

    /** A new key pair made by ssh-keygen, its private key encrypted with {@code passphrase} (none when empty). */
    static Path keygenWithPassphrase(Path folder, String name, String passphrase, String... typeOptions) {
        var file = folder.resolve(name);
        var command = new ArrayList<>(List.of(SSH_KEYGEN.toString(), "-q", "-N", passphrase, "-C", name + "@test",
                "-f", file.toString()));
        command.addAll(List.of(typeOptions));
        run(command.toArray(String[]::new));
        return file;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
