package io.harbormaster.cli.machine;

import picocli.CommandLine.Command;

/** {@code hm kill}: docker-machine's {@code kill}, waiting on the machine's event stream (see {@link LifecycleVerb}). */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Kill a machine",
        footer = {"", "Examples:", "  hm kill web-1", "  hm kill web-1 web-2"})
public class KillCommand extends LifecycleVerb {

    @Override
    Operation operation() {
        return Operation.KILL;
    }
}
