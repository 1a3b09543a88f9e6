package io.harbormaster.command.process;

import io.harbormaster.api.machine.MachineId;
import java.time.Instant;

/**
 * A driver operation that was requested and has no outcome yet: {@code since} is the request event's timestamp,
 * {@code correlationId} the request's (null when the event carried none).
 */
public record PendingOperation(MachineId machineId, MachineOperation operation, Instant since, String correlationId) {
}
