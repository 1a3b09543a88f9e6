package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The upgrade process's outcome: from {@code previousVersion} to {@code newVersion}, or why not. */
public record ReportEngineUpgradeCommand(@TargetAggregateIdentifier MachineId machineId, String previousVersion,
                                         String newVersion, String failureReason) {
}
