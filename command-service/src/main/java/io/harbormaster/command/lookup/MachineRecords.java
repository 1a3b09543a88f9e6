package io.harbormaster.command.lookup;

import io.harbormaster.api.machine.MachineId;
import java.util.Optional;

/** What the machine processes need to address a machine through its driver. */
public interface MachineRecords {

    /** The machine's record, or empty once it was removed (or never existed). */
    Optional<MachineRecord> find(MachineId machineId);
}
