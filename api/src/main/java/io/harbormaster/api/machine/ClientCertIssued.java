package io.harbormaster.api.machine;

import io.harbormaster.api.user.UserId;

/** A client certificate was issued to a user for this machine; serial and validity only. */
public record ClientCertIssued(MachineId machineId, UserId userId, String serial, java.time.Instant notAfter) {
}
