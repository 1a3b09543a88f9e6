package io.harbormaster.command.machine;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The upgrade process's outcome: from {@code previousVersion} to {@code newVersion}, or why not. */
public record ReportEngineUpgradeCommand(@TargetAggregateIdentifier MachineId machineId, String previousVersion,
                                         String newVersion, String failureReason) {

    /** Versions and the reason are what the host answered. */
    public ReportEngineUpgradeCommand {
        previousVersion = ControlCharacters.readable(previousVersion);
        newVersion = ControlCharacters.readable(newVersion);
        failureReason = ControlCharacters.readable(failureReason);
    }
}
