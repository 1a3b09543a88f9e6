package io.harbormaster.api.machine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Upgrade Docker Engine on the machine's host (docker-machine's {@code upgrade}), as far as its OS allows. */
public record UpgradeEngineCommand(@TargetAggregateIdentifier MachineId machineId) {
}
