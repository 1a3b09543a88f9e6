package io.harbormaster.api.audit;

import io.harbormaster.api.user.Caller;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.team.TeamId;

/** Everything that happened in a team and to its machines, newest first. Answers {@link AuditPage}. */
public record FindTeamAuditLogQuery(TeamId teamId, AuditFilter filter, PageRequest page, Caller caller) {
}
