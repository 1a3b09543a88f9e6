package io.harbormaster.command.cert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code openssl} command line in a working directory and collects what it printed. */
final class Openssl {

    static final Path BINARY = Path.of("/usr/bin/openssl");

    private final Path directory;

    Openssl(Path directory) {
        this.directory = directory;
    }

    record Result(int exitCode, String output) {
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Writes {@code text} to a file in the working directory, for openssl to read. */
    Openssl write(String fileName, String text) throws IOException {
        Files.writeString(directory.resolve(fileName), text);
        return this;
    }

    String read(String fileName) throws IOException {
        return Files.readString(directory.resolve(fileName));
    }

    Result run(String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(BINARY.toString()));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("openssl did not finish within 30 s: " + command);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed and returns its output. */
    String output(String... arguments) throws IOException, InterruptedException {
        var result = run(arguments);
        if (result.exitCode() != 0) {
            throw new AssertionError("openssl " + String.join(" ", arguments) + " failed: " + result.output());
        }
        return result.output();
    }
}
