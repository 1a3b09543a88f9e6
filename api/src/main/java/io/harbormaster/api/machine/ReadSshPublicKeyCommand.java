package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The public half of the machine's SSH key, as an authorized_keys line, for whoever may see the machine (the portal's
 * counterpart of {@code GET /api/machines/{id}/ssh-public-key}). Answers the line, or null for a driver without SSH;
 * appends nothing.
 */
public record ReadSshPublicKeyCommand(@TargetAggregateIdentifier MachineId machineId) {
}
