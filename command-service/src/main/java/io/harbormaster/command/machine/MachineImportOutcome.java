package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import java.util.List;

/**
 * What an import did, or with {@code dryRun} would do: the machine, the platform's driver for it and its Docker URL,
 * docker-machine's driver, and what did not carry over.
 */
public record MachineImportOutcome(MachineId machineId, MachineName name, String driver, String dockerUrl,
                                   String importedDriver, List<String> notes, boolean dryRun) {

    public MachineImportOutcome {
        notes = List.copyOf(notes);
    }
}
