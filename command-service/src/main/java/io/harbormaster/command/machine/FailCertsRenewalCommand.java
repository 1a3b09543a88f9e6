package io.harbormaster.command.machine;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The certificate process could not make or store the requested material; internal to the command side. */
public record FailCertsRenewalCommand(@TargetAggregateIdentifier MachineId machineId, String reason,
                                      boolean retryable) {

    public FailCertsRenewalCommand {
        reason = ControlCharacters.readable(reason);
    }
}
