package io.harbormaster.api.machine;

import io.harbormaster.api.team.TeamId;
import java.time.Instant;
import java.util.List;

/**
 * A team's fleet at a past instant, and how it differs from now.
 *
 * @param at the instant asked for
 * @param now the instant "now" was taken at, for {@code changes}
 * @param machines the machines that existed at {@code at}, in natural name order
 * @param changes what is different now: machines added or removed since, and the fields that changed
 */
public record FleetAsOf(TeamId teamId, String teamName, Instant at, Instant now, List<MachineAsOf> machines,
                        List<FleetChange> changes) {

    public FleetAsOf {
        machines = List.copyOf(machines);
        changes = List.copyOf(changes);
    }
}
