package io.harbormaster.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code infra/testhosts/testhosts} script of this repository, found by walking up from the working directory. */
final class TestHostsScript {

    static final String RELATIVE_PATH = "infra/testhosts/testhosts";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path script;

    private TestHostsScript(Path script) {
        this.script = script;
    }

    /** The script, if the working directory lies inside a checkout of this repository. */
    static Optional<TestHostsScript> locate() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve(RELATIVE_PATH);
            if (Files.isExecutable(candidate)) {
                return Optional.of(new TestHostsScript(candidate));
            }
        }
        return Optional.empty();
    }

    /** Runs a subcommand and returns what it printed, whatever its exit code. */
    CommandResult run(Path stdin, String... arguments) {
        var command = new ArrayList<String>();
        command.add(script.toString());
        command.addAll(List.of(arguments));
        return Processes.run(command, stdin, TIMEOUT);
    }

    /**
     * Runs a subcommand that must succeed and returns its standard output. The script's own error messages say
     * what went wrong and what to do, so they become the exception's message.
     */
    String runOrThrow(String... arguments) {
        var result = run(null, arguments);
        if (!result.succeeded()) {
            throw new IllegalStateException("testhosts " + arguments[0] + " failed (exit " + result.exitCode() + "): "
                    + result.stderr().strip());
        }
        return result.stdout();
    }

    @Override
    public String toString() {
        return script.toString();
    }
}
