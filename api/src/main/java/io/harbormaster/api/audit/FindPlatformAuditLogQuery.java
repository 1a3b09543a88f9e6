package io.harbormaster.api.audit;

import io.harbormaster.api.user.Caller;
import io.harbormaster.api.common.PageRequest;

/**
 * Everything in the audit trail, including what belongs to no team (accounts, sign-ins, failed sign-ins), newest
 * first. For platform admins only: answers {@link AuditPage}, or null for anyone else.
 */
public record FindPlatformAuditLogQuery(AuditFilter filter, PageRequest page, Caller caller) {
}
