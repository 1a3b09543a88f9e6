package io.harbormaster.api.machine;

import io.harbormaster.api.user.UserId;
import java.time.Instant;

/**
 * One machine as it was at an instant: what the machine list showed then, and its CA's fingerprint.
 *
 * @param version the machine's last event sequence number at that instant
 */
public record MachineAsOf(MachineId id, String name, String driver, MachineState state, UserId holder,
                          String holderName, String dockerUrl, String caFingerprint, String dockerVersion,
                          String lastError, Instant createdAt, Instant updatedAt, long version) {
}
