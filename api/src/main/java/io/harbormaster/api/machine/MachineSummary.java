package io.harbormaster.api.machine;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.time.Instant;

/** One row of the machine list. */
public record MachineSummary(
        MachineId id,
        TeamId teamId,
        String teamName,
        String name,
        String driver,
        MachineState state,
        UserId holder,
        String holderName,
        String dockerUrl,
        Instant createdAt,
        Instant updatedAt) {
}
