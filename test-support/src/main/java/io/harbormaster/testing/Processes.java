package io.harbormaster.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a local program to its end, reading stdout and stderr at the same time so neither pipe can fill up. */
final class Processes {

    private Processes() {
    }

    /** Runs {@code command}, with {@code stdin} (or nothing) as its input, killing it after {@code timeout}. */
    static CommandResult run(List<String> command, Path stdin, Duration timeout) {
        var builder = new ProcessBuilder(command);
        builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command.getFirst() + ": " + e.getMessage(), e);
        }
        var stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        var stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.getFirst() + " did not finish within " + timeout);
            }
            // A background process that kept the pipes open must not block the test forever.
            return new CommandResult(process.exitValue(), stdout.get(10, TimeUnit.SECONDS),
                    stderr.get(10, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the output of " + command.getFirst()
                    + " (did a background process keep its pipes open?)", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + command.getFirst(), e);
        }
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
