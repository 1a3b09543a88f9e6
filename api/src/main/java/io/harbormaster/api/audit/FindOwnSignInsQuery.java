package io.harbormaster.api.audit;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.user.Caller;

/**
 * The caller's own sign-ins, successful and refused, newest first: what the audit trail recorded for their account.
 * Answers {@link AuditPage} (empty without a caller).
 */
public record FindOwnSignInsQuery(Caller caller, PageRequest page) {
}
