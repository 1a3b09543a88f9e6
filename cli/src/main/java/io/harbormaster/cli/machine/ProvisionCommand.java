package io.harbormaster.cli.machine;

import picocli.CommandLine.Command;

/** {@code hm provision}: docker-machine's {@code provision}, waiting on the machine's event stream (see {@link LifecycleVerb}). */
@Command(name = "provision", mixinStandardHelpOptions = true, description = "Re-provision existing machines",
        footer = {"", "Examples:", "  hm provision web-1", "  hm provision web-1 web-2"})
public class ProvisionCommand extends LifecycleVerb {

    @Override
    Operation operation() {
        return Operation.PROVISION;
    }
}
