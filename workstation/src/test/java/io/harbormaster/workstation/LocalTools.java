package io.harbormaster.workstation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds and runs the real programs the tests check our output with (shells, tar, unzip, openssl, docker). */
final class LocalTools {

    private LocalTools() {
    }

    /** The program's path, looked up like a shell would, or empty when this machine does not have it. */
    static Optional<Path> find(String program) {
        var path = System.getenv().getOrDefault("PATH", "") + ":/usr/local/bin:/usr/bin:/bin";
        return Arrays.stream(path.split(":"))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** What a program printed (standard output and error together) and how it ended. */
    record Result(int exitCode, String output) {
    }

    /**
     * Runs {@code command} with this JVM's environment minus anything that would steer the Docker client or a shell
     * (DOCKER_*, proxies), plus {@code extraEnvironment}; fails after {@code timeout}.
     */
    static Result run(List<String> command, Map<String, String> extraEnvironment, Path workingFolder,
            Duration timeout) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workingFolder.toFile());
        var environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("DOCKER_") || name.equalsIgnoreCase("NO_PROXY")
                || name.equalsIgnoreCase("HTTP_PROXY") || name.equalsIgnoreCase("HTTPS_PROXY")
                || name.equalsIgnoreCase("ALL_PROXY"));
        environment.putAll(extraEnvironment);
        try {
            var process = builder.start();
            process.getOutputStream().close();
            var output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(List<String> command, Map<String, String> extraEnvironment, Path workingFolder) {
        return run(command, extraEnvironment, workingFolder, Duration.ofSeconds(60));
    }
}
