package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A client certificate was made for the acting user from the material at {@code secretVersion}; internal. Refused
 * when the machine's material changed meanwhile, as the certificate would not verify.
 */
public record RecordClientCertCommand(@TargetAggregateIdentifier MachineId machineId, String serial,
                                      Instant notAfter, long secretVersion) {
}
