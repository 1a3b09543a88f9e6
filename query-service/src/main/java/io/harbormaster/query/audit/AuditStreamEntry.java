package io.harbormaster.query.audit;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.team.TeamId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The {@code data} of one live stream message: the same fields as an entry of the history ({@code AuditEntry}) plus
 * the machine's state after it, when the entry is about a machine and a state is known.
 */
@Schema(name = "AuditStreamEntry")
record AuditStreamEntry(
        String eventId,
        Instant occurredAt,
        TeamId teamId,
        MachineId machineId,
        String subject,
        String action,
        String summary,
        String actorId,
        String actorName,
        String channel,
        String clientAddress,
        String correlationId,
        MachineState state) {
}
