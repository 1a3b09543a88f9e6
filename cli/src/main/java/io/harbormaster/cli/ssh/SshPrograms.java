package io.harbormaster.cli.ssh;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.Workstation;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's client programs on the workstation's {@code PATH} ({@code ssh}, {@code scp}, {@code ssh-keygen},
 * {@code ssh-keyscan}): found before anything is asked of the server, so a missing one is one line saying how to get
 * it rather than a certificate issued for nothing.
 */
public final class SshPrograms {

    private final Workstation workstation;

    public SshPrograms(Workstation workstation) {
        this.workstation = workstation;
    }

    /** The program's path; an {@link HmException} saying how to install it when it is not on the PATH. */
    public Path find(String program) {
        var path = workstation.variable("PATH").orElse("");
        for (var directory : path.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            var candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new HmException(program + " (OpenSSH's client) is not on your PATH. Install it (Debian, Ubuntu: "
                + "apt-get install openssh-client; Fedora: dnf install openssh-clients; macOS has it) and run hm "
                + "again.");
    }

    /** How a program run to its end went. */
    record Result(int exitCode, String stdout, String stderr) {

        boolean ok() {
            return exitCode == 0;
        }

        /** What it said on standard error, else on standard output, as one line. */
        String said() {
            var text = stderr.isBlank() ? stdout : stderr;
            return text.strip().replaceAll("\\s*\\R\\s*", "; ");
        }
    }

    /** Runs {@code command} with standard input closed; fails after {@code timeoutSeconds}. */
    static Result run(List<String> command, int timeoutSeconds) {
        try {
            var process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            var err = new StringBuilder();
            var errReader = Thread.ofVirtual().start(() -> {
                try {
                    err.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the exit code tells
                }
            });
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new HmException(Path.of(command.getFirst()).getFileName() + " did not finish within "
                        + timeoutSeconds + " s.");
            }
            errReader.join();
            return new Result(process.exitValue(), out, err.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HmException("Interrupted while running " + command.getFirst(), 130);
        }
    }
}
