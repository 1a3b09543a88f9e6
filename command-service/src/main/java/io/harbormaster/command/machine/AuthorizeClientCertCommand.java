package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** May the acting user have a client certificate, and from which material? Appends nothing; internal. */
public record AuthorizeClientCertCommand(@TargetAggregateIdentifier MachineId machineId) {
}
