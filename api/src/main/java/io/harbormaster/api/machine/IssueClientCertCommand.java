package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issue the acting user a fresh short-lived client certificate for the machine. The answer carries the key
 * material back to the caller in this process only; the event ({@link ClientCertIssued}) holds serial and expiry.
 */
public record IssueClientCertCommand(@TargetAggregateIdentifier MachineId machineId) {
}
