package io.harbormaster.cli.machine;

import io.harbormaster.api.machine.MachineId;
import java.time.Instant;

/**
 * One row of {@code GET /api/machines}, read leniently like {@link MachineView}: {@code lastError},
 * {@code dockerVersion} and {@code engineOptions} are null when the server does not send them, and the state is
 * kept as the server spells it so a state added later still lists. The id stays typed: a row without a machine id
 * is an answer hm cannot use.
 */
record MachineListItem(MachineId id, String teamId, String teamName, String name, String driver, String state,
                       String holder, String holderName, String dockerUrl, String lastError, String dockerVersion,
                       EngineOptions engineOptions, Instant createdAt, Instant updatedAt) {
}
