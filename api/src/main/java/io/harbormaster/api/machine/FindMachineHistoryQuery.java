package io.harbormaster.api.machine;

import io.harbormaster.api.user.Caller;
import io.harbormaster.api.common.PageRequest;

/** A machine's history, newest first. Answers {@link io.harbormaster.api.audit.AuditPage}. */
public record FindMachineHistoryQuery(MachineId machineId, PageRequest page, Caller caller) {
}
