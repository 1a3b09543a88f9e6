package io.harbormaster.cli.machine;

import picocli.CommandLine.Command;

/** {@code hm stop}: docker-machine's {@code stop}, waiting on the machine's event stream (see {@link LifecycleVerb}). */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a machine",
        footer = {"", "Examples:", "  hm stop web-1", "  hm ls -q --filter state=Running | xargs hm stop"})
public class StopCommand extends LifecycleVerb {

    @Override
    Operation operation() {
        return Operation.STOP;
    }
}
