package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import io.harbormaster.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Make another team member the machine's holder; `revokePreviousHolder` removes the previous holder's access. */
public record HandOffMachineCommand(@TargetAggregateIdentifier MachineId machineId, UserId newHolder, boolean revokePreviousHolder, @TargetAggregateVersion Long expectedVersion) {
}
