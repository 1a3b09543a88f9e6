package io.harbormaster.cli.machine;

import picocli.CommandLine.Command;

/** {@code hm upgrade}: docker-machine's {@code upgrade}, waiting on the machine's event stream (see {@link LifecycleVerb}). */
@Command(name = "upgrade", mixinStandardHelpOptions = true, description = "Upgrade a machine to the latest version of Docker",
        footer = {"", "Examples:", "  hm upgrade web-1", "  hm upgrade web-1 --no-wait"})
public class UpgradeCommand extends LifecycleVerb {

    @Override
    Operation operation() {
        return Operation.UPGRADE;
    }
}
