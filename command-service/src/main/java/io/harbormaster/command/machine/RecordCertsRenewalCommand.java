package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The certificate process stored the requested TLS material; internal to the command side. */
public record RecordCertsRenewalCommand(@TargetAggregateIdentifier MachineId machineId,
                                        MachineCertificates certificates) {
}
