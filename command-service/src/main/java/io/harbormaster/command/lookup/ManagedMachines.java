package io.harbormaster.command.lookup;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import java.util.Optional;

/**
 * The machines the platform manages (not removed), found by what identifies them besides their id: the daemon they
 * use and their name in a team. An import asks both before it claims anything.
 */
public interface ManagedMachines {

    /** A managed machine. */
    record ManagedMachine(MachineId machineId, TeamId teamId, MachineName name) {
    }

    /**
     * The machine whose daemon listens at {@code dockerUrl} (ignoring case), if any. In a transaction, it first waits
     * for any other transaction asking about the same URL, so two imports of one daemon cannot both find it free.
     */
    Optional<ManagedMachine> atDockerUrl(String dockerUrl);

    /** Whether a machine of the team has {@code name} (ignoring case), without claiming it. */
    boolean nameTaken(TeamId teamId, MachineName name);
}
