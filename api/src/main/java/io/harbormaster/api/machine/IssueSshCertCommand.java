package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sign the acting user's SSH public key ({@code publicKey}, one {@code authorized_keys} line such as the content of
 * {@code id_ed25519.pub}) into a short-lived OpenSSH user certificate for the machine's host. The answer
 * ({@link IssuedSshCertificate}) carries the certificate to the caller; the event ({@link SshCertIssued}) holds no key.
 */
public record IssueSshCertCommand(@TargetAggregateIdentifier MachineId machineId, String publicKey) {
}
