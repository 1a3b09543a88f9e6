package io.harbormaster.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A workstation user running the built {@code hm} as a process, the way a person does: their own home (so their own
 * {@code ~/.config/harbormaster}), {@code hm} on the {@code PATH}, and real shells ({@code bash}, {@code zsh},
 * {@code fish}) with the real {@code docker} client.
 */
final class HmWorkstation {

    /** What a run printed and how it ended. */
    record Run(int exitCode, String out, String err) {

        String outLine() {
            return out.strip();
        }
    }

    private final Path home;
    private final Path bin;
    private final Map<String, String> environment = new HashMap<>();

    HmWorkstation(Path home) {
        this.home = home;
        this.bin = home.resolve("bin");
        try {
            Files.createDirectories(bin);
            var launcher = bin.resolve("hm");
            // the launcher the download page serves, run with the JVM of the tests (the default java may be older)
            Files.writeString(launcher, "#!/bin/sh\nexec \"" + launcherTarget() + "\" \"$@\"\n");
            launcher.toFile().setExecutable(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        environment.put("HOME", home.toString());
        environment.put("PATH", bin + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        environment.put("HM_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("HM_WORKSTATION_NAME", home.getFileName().toString());
        environment.put("LANG", "C.UTF-8");
    }

    /**
     * The built launcher beside hm.jar ({@code -Dhm.launcher} names another); the build makes it before the tests of
     * this module run, which start in infra/standalone, and the benchmark script runs from the repository's root.
     */
    static Path launcherTarget() {
        var named = System.getProperty("hm.launcher");
        var directory = Path.of(System.getProperty("user.dir"));
        var candidates = named != null ? List.of(Path.of(named))
                : List.of(directory.resolve("../../cli/target/hm"), directory.resolve("cli/target/hm"));
        return candidates.stream().map(Path::normalize).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("No built hm launcher at " + candidates
                        + ": build the cli module first (./mvnw -pl cli -am install -DskipTests)"));
    }

    Path home() {
        return home;
    }

    HmWorkstation with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** {@code hm args...} with nothing on standard input. */
    Run hm(String... args) {
        return hmWithInput("", args);
    }

    Run hmWithInput(String stdin, String... args) {
        var command = new ArrayList<String>();
        command.add(bin.resolve("hm").toString());
        command.addAll(List.of(args));
        return run(command, stdin);
    }

    /** A script run by {@code bash -c}, {@code zsh -c} or {@code fish -c}, with hm and docker on the PATH. */
    Run shell(String shell, String script) {
        return run(List.of(shell, "-c", script), "");
    }

    private Run run(List<String> command, String stdin) {
        return runIn(home, command, stdin);
    }

    /** Any command in {@code directory}, as this user, with {@code stdin} on its standard input. */
    Run runIn(Path directory, List<String> command, String stdin) {
        try {
            var process = new ProcessBuilder(command).directory(directory.toFile());
            process.environment().clear();
            process.environment().putAll(environment);
            var started = process.start();
            try (var in = started.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            var out = started.getInputStream();
            var err = started.getErrorStream();
            var outText = new StringBuilder();
            var errText = new StringBuilder();
            var errReader = Thread.ofVirtual().start(() -> {
                try {
                    errText.append(new String(err.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process died; its exit code says so
                }
            });
            outText.append(new String(out.readAllBytes(), StandardCharsets.UTF_8));
            if (!started.waitFor(5, TimeUnit.MINUTES)) {
                started.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 5 minutes");
            }
            errReader.join();
            return new Run(started.exitValue(), outText.toString(), errText.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
