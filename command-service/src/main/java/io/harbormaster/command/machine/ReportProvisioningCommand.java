package io.harbormaster.command.machine;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Progress of the provisioner on a machine being created (sent by the creation process): with {@code step} null it
 * began (on {@code os}); otherwise step {@code stepNumber} of {@code totalSteps} finished.
 */
public record ReportProvisioningCommand(@TargetAggregateIdentifier MachineId machineId, String os, String step,
                                        int stepNumber, int totalSteps) {

    public ReportProvisioningCommand {
        os = ControlCharacters.readable(os);   // PRETTY_NAME from the host's /etc/os-release
    }

    public static ReportProvisioningCommand started(MachineId machineId, String os) {
        return new ReportProvisioningCommand(machineId, os, null, 0, 0);
    }

    public static ReportProvisioningCommand step(MachineId machineId, String step, int number, int total) {
        return new ReportProvisioningCommand(machineId, null, step, number, total);
    }
}
