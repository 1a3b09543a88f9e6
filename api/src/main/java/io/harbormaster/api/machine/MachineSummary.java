package io.harbormaster.api.machine;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.time.Instant;

/**
 * One row of the machine list.
 *
 * @param lastError why the machine is in {@code Error}, or the last failure the platform saw (a failed provisioning,
 *                  lifecycle operation or removal, or what the reconciler found not answering); null once it answers
 * @param dockerVersion the Docker Engine version verified by the last provisioning or upgrade (e.g. {@code 27.3.1});
 *                      null when unknown (none machines, machines provisioned before it was recorded)
 * @param engineOptions the engine options the machine was created with (labels for {@code hm ls --filter label=});
 *        none for machines created without
 */
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
        Instant updatedAt,
        String lastError,
        String dockerVersion,
        EngineOptions engineOptions) {
}
