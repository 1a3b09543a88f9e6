package io.harbormaster.cli.machine;

import picocli.CommandLine.Command;

/** {@code hm restart}: docker-machine's {@code restart}, waiting on the machine's event stream (see {@link LifecycleVerb}). */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Restart a machine",
        footer = {"", "Examples:", "  hm restart web-1", "  hm restart platform/web-1"})
public class RestartCommand extends LifecycleVerb {

    @Override
    Operation operation() {
        return Operation.RESTART;
    }

    /** docker-machine's hint, with hm's env command. */
    @Override
    java.util.Optional<String> afterAll() {
        return java.util.Optional.of("Restarted machines may have new IP addresses. You may need to re-run the `hm env` command.");
    }
}
