package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** May the acting user have an SSH certificate for the machine's host, and signed by which CA? Appends nothing. */
public record AuthorizeSshCertCommand(@TargetAggregateIdentifier MachineId machineId) {
}
