package io.harbormaster.command.machine;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.CertsRegenerated;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The process pushed a certificate version to the machine's host and restarted its daemon (or could not:
 * {@code failureReason} says why). Sent by the platform after each {@link CertsRegenerated} of a provisioned host.
 */
public record ReportCertsInstalledCommand(@TargetAggregateIdentifier MachineId machineId, long secretVersion,
                                          String failureReason) {

    public ReportCertsInstalledCommand {
        failureReason = ControlCharacters.readable(failureReason);
    }
}
