package io.harbormaster.command.machine;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The driver could not remove the host (sent by the removal process). */
public record FailRemovalCommand(@TargetAggregateIdentifier MachineId machineId, String reason) {

    public FailRemovalCommand {
        reason = ControlCharacters.readable(reason);
    }
}
