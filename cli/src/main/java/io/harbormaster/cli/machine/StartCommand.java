package io.harbormaster.cli.machine;

import picocli.CommandLine.Command;

/** {@code hm start}: docker-machine's {@code start}, waiting on the machine's event stream (see {@link LifecycleVerb}). */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start a machine",
        footer = {"", "Examples:", "  hm start web-1", "  hm start web-1 web-2 --no-wait"})
public class StartCommand extends LifecycleVerb {

    @Override
    Operation operation() {
        return Operation.START;
    }

    /** docker-machine's hint, with hm's env command. */
    @Override
    java.util.Optional<String> afterAll() {
        return java.util.Optional.of("Started machines may have new IP addresses. You may need to re-run the `hm env` command.");
    }
}
