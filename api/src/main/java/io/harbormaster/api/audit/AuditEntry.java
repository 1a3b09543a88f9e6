package io.harbormaster.api.audit;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import java.time.Instant;

/**
 * One thing that happened, straight from an event and its metadata: which action (the event's name), on what, by
 * whom, through which channel, from where, and the correlation id that ties it to the request.
 */
public record AuditEntry(
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
        String correlationId) {
}
